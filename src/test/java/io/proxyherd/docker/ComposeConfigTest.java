package io.proxyherd.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps the docker deployment in step with server-config/herd.properties, the herd's single source of truth. */
class ComposeConfigTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path ENV_EXAMPLE = DOCKER.resolve(".env.example");

    private static final String BROKER_IMAGE = "apache/activemq-artemis:2.44.0";
    private static final String BUILD_IMAGE = "maven:3.9.9-eclipse-temurin-17";
    private static final String RUN_IMAGE = "payara/micro:6.2025.10-jdk17";

    private static Properties herd;
    private static List<String> herdNodes;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        herd = new Properties();
        try (Reader in =
                Files.newBufferedReader(ROOT.resolve("server-config/herd.properties"), StandardCharsets.UTF_8)) {
            herd.load(in);
        }
        herdNodes = List.of(herd.getProperty("herd.nodes").trim().split("\\s*,\\s*"));
        try (Reader in = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(in);
            services = map(compose.get("services"), "services");
        }
    }

    @Test
    void nodeServicesAreExactlyTheHerdsNodes() {
        assertThat(nodeServices().keySet())
                .as("HERD_NODE of the node services in %s", COMPOSE)
                .containsExactlyInAnyOrderElementsOf(herdNodes);
    }

    @Test
    void eachNodePublishesItsClientAndHttpPortsAsHerdPropertiesSays() {
        nodeServices().forEach((node, service) -> {
            String client =
                    herd.getProperty("herd.node." + node + ".client-port").trim();
            String http = herd.getProperty("herd.node." + node + ".http-port").trim();
            assertThat(ports(service))
                    .as("ports of %s", node)
                    .containsExactlyInAnyOrder(client + ":" + client, http + ":" + http);
        });
    }

    @Test
    void eachNodeWaitsForAHealthyBrokerRestartsOnFailureAndReachesTheBrokerByItsServiceName() {
        String broker = brokerServiceName();
        nodeServices().forEach((node, service) -> {
            Map<String, Object> dependsOn = map(service.get("depends_on"), node + ".depends_on");
            assertThat(map(dependsOn.get(broker), node + ".depends_on." + broker))
                    .as("%s waits for %s", node, broker)
                    .containsEntry("condition", "service_healthy");
            assertThat(service.get("restart")).as("%s restart", node).isEqualTo("on-failure");
            assertThat(environment(service))
                    .as("%s environment", node)
                    .containsEntry("HERD_BROKER_HOST", broker)
                    .containsKeys(
                            "HERD_BROKER_USER",
                            "HERD_BROKER_PASSWORD",
                            "PLACES_API_KEY",
                            "HERD_CONSOLE_USER",
                            "HERD_CONSOLE_PASSWORD");
        });
    }

    @Test
    void theBrokerIsTheOfficialArtemisImageWithItsConsoleAndPortPublishedAndAHealthcheck() {
        Map<String, Object> broker = map(services.get(brokerServiceName()), "broker");
        assertThat(broker.get("image")).isEqualTo(BROKER_IMAGE);
        String port = herd.getProperty("herd.broker.port").trim();
        assertThat(ports(broker)).contains("8161:8161", port + ":" + port);
        assertThat(broker).containsKey("healthcheck");
        assertThat(environment(broker)).containsKeys("ARTEMIS_USER", "ARTEMIS_PASSWORD");
    }

    @Test
    void bothBrokersReadTheHerdsSettingsThroughTheHerdsEntrypointAndShareOneJournal() {
        for (String name : List.of(brokerServiceName(), backupServiceName())) {
            Map<String, Object> broker = map(services.get(name), name);
            assertThat(broker.get("entrypoint")).asList().containsExactly("bash", "/opt/herd/broker-entrypoint.sh");
            assertThat(map(map(broker.get("depends_on"), name + ".depends_on").get("artemis-journal-owner"), name))
                    .as("%s waits until the journal volume is the broker's", name)
                    .containsEntry("condition", "service_completed_successfully");
            assertThat(broker.get("volumes"))
                    .asList()
                    .contains(
                            "../server-config:/opt/herd/server-config:ro",
                            "./broker-entrypoint.sh:/opt/herd/broker-entrypoint.sh:ro",
                            "artemis-journal:/var/lib/artemis-instance/data");
            assertThat(environment(broker))
                    .containsKeys("HERD_CLUSTER_PASSWORD", "HERD_MONITOR_PASSWORD")
                    .containsKeys(herdNodes.stream()
                            .map(node -> "HERD_BROKER_PASSWORD_" + node.toUpperCase(Locale.ROOT))
                            .toArray(String[]::new));
        }
    }

    @Test
    void theBackupRunsOnlyInTheHaProfileAndPublishesTheBackupPort() {
        Map<String, Object> backup = map(services.get(backupServiceName()), "backup");
        assertThat(backup.get("profiles")).asList().containsExactly("ha");
        assertThat(environment(backup)).containsEntry("HERD_BROKER_ROLE", "backup");
        String port = herd.getProperty("herd.broker.backup-port").trim();
        assertThat(ports(backup)).containsExactly(port + ":" + port);
    }

    @Test
    void eachNodeLogsInWithItsOwnAccount() {
        nodeServices()
                .forEach((node, service) -> assertThat(environment(service))
                        .containsEntry("HERD_BROKER_USER", node)
                        .hasEntrySatisfying(
                                "HERD_BROKER_PASSWORD",
                                password -> assertThat(String.valueOf(password))
                                        .startsWith("${HERD_BROKER_PASSWORD_" + node.toUpperCase(Locale.ROOT) + ":?")));
    }

    @Test
    void everyVariableComposeUsesIsDefinedInEnvExample() throws IOException {
        Set<String> used = new TreeSet<>();
        // ${VAR}, ${VAR:-default}, ${VAR:?error} and $VAR; $$ is a literal dollar.
        Matcher matcher = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)|\\$([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(Files.readString(COMPOSE, StandardCharsets.UTF_8));
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (name != null) {
                used.add(name);
            }
        }
        Set<String> defined = new TreeSet<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher definition =
                    Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=").matcher(line);
            if (definition.find()) {
                defined.add(definition.group(1));
            }
        }
        assertThat(used).as("variables used in %s", COMPOSE).isNotEmpty();
        assertThat(defined).as("variables defined in %s", ENV_EXAMPLE).containsAll(used);
    }

    @Test
    void theImageIsBuiltFromTheNamedImagesRunsAsPayaraAndChecksTheApplicationsHealth() throws IOException {
        List<String> instructions = dockerfileInstructions(DOCKER.resolve("Dockerfile"));
        List<String> from = new ArrayList<>();
        int lastFrom = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                from.add(instructions.get(i).split("\\s+")[1]);
                lastFrom = i;
            }
        }
        assertThat(from).containsExactly(BUILD_IMAGE, RUN_IMAGE);

        List<String> runStage = instructions.subList(lastFrom, instructions.size());
        List<String> users =
                runStage.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).as("USER instructions of the run stage").isNotEmpty();
        // The payara/micro image documents "payara" as its non-root user.
        assertThat(users.get(users.size() - 1)).isEqualTo("USER payara");
        assertThat(runStage)
                .anySatisfy(line ->
                        assertThat(line).startsWith("HEALTHCHECK ").contains("io.proxyherd.launcher.ReadinessProbe"));
        assertThat(runStage)
                .anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT ").contains("node-entrypoint.sh"));
    }

    /** The order of deployment and the rest of the command line are NodeEntrypointTest's; this is where they come from. */
    @Test
    void theImageMakesItsClassDataArchiveWithItsOwnJavaAndTheEntrypointStartsNodesAsTheLauncherDoes()
            throws IOException {
        List<String> instructions = dockerfileInstructions(DOCKER.resolve("Dockerfile"));
        List<String> runStage = instructions.subList(
                instructions.lastIndexOf(instructions.stream()
                        .filter(line -> line.startsWith("FROM "))
                        .reduce((first, last) -> last)
                        .orElseThrow()),
                instructions.size());
        assertThat(runStage)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("COPY --from=build ")
                        .contains("/build/target/artemis-ra.rar", "/build/target/herd.war")
                        .endsWith(" /opt/payara/herd/target/"));
        assertThat(runStage)
                .anySatisfy(
                        line -> assertThat(line)
                                .startsWith("RUN ")
                                .contains(
                                        "java -cp /opt/payara/herd/classes io.proxyherd.launcher.ClassDataArchive /opt/payara/herd"));

        String script = Files.readString(DOCKER.resolve("node-entrypoint.sh"), StandardCharsets.UTF_8);
        assertThat(script)
                .startsWith("#!/bin/sh")
                .contains("set -eu", "io.proxyherd.launcher.NodeCommandLine", "\njava \"$@\" &")
                .contains("herd\\.node\\.$HERD_NODE\\.http-port");
    }

    @Test
    void dockerComposeAcceptsTheFileAndResolvesAllNodes() throws Exception {
        String executable = dockerCompose();
        if (executable == null) {
            fail("docker-compose is not on the PATH; install Debian's docker-compose "
                    + "(apt-get install docker-compose) to check docker/compose.yaml");
        }
        Path output = Files.createTempFile("compose-config", ".txt");
        try {
            Process process = new ProcessBuilder(
                            executable, "-f", "docker/compose.yaml", "--env-file", "docker/.env.example", "config")
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("docker-compose config did not finish within 60 s");
            }
            String resolved = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue())
                    .as("docker-compose config exit code; output:%n%s", resolved)
                    .isZero();
            for (String node : herdNodes) {
                assertThat(resolved).contains("HERD_NODE: " + node);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The node services by their HERD_NODE. */
    private static Map<String, Map<String, Object>> nodeServices() {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value, name);
            Object node = environment(service).get("HERD_NODE");
            if (node != null) {
                assertThat(nodes).as("HERD_NODE %s used twice", node).doesNotContainKey(node.toString());
                nodes.put(node.toString(), service);
            }
        });
        return nodes;
    }

    /** The broker every node waits for: the Artemis service outside any profile. */
    private static String brokerServiceName() {
        return artemisService(false);
    }

    /** The backup broker of the ha profile. */
    private static String backupServiceName() {
        return artemisService(true);
    }

    private static String artemisService(boolean inHaProfile) {
        List<String> brokers = services.entrySet().stream()
                .filter(entry -> String.valueOf(
                                map(entry.getValue(), entry.getKey()).get("image"))
                        .startsWith("apache/activemq-artemis"))
                .filter(entry -> map(entry.getValue(), entry.getKey()).containsKey("command"))
                .filter(entry -> map(entry.getValue(), entry.getKey()).containsKey("profiles") == inHaProfile)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(brokers)
                .as("services running apache/activemq-artemis, %s the ha profile", inHaProfile ? "in" : "outside")
                .hasSize(1);
        return brokers.get(0);
    }

    /** A service's environment, in either of compose's forms. */
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, Object> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> variables.put(key.toString(), value == null ? null : value.toString()));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = entry.toString().split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return variables;
    }

    /** Published ports as "published:target", from compose's short or long syntax. */
    private static Set<String> ports(Map<String, Object> service) {
        Set<String> ports = new LinkedHashSet<>();
        Object list = service.get("ports");
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> port) {
                    ports.add(port.get("published") + ":" + port.get("target"));
                } else {
                    ports.add(entry.toString());
                }
            }
        }
        return ports;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
    private static List<String> dockerfileInstructions(Path dockerfile) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return instructions;
    }

    /** Debian's docker-compose, installed first where this test may (as root, with apt-get), as CI runs it. */
    private static String dockerCompose() throws Exception {
        String executable = onPath("docker-compose");
        if (executable == null && onPath("apt-get") != null && "root".equals(System.getProperty("user.name"))) {
            Process install = new ProcessBuilder(
                            "sh",
                            "-c",
                            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose")
                    .inheritIO()
                    .start();
            if (!install.waitFor(10, TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
            executable = onPath("docker-compose");
        }
        return executable;
    }

    private static String onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
