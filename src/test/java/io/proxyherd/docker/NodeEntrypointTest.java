package io.proxyherd.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/node-entrypoint.sh with a stand-in for Payara Micro (a {@code java} on the PATH that writes a recorded
 * boot's log and serves until TERM): a boot that did not deploy the application ends the container with the reason
 * on one line; one that did keeps running, and TERM reaches Payara.
 */
class NodeEntrypointTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void aBootWithoutTheApplicationEndsTheContainerWithTheReason() throws Exception {
        Process entrypoint = start("boot-deployment-failed.log");

        assertThat(entrypoint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(entrypoint.exitValue()).isEqualTo(70);
        assertThat(stderr())
                .isEqualTo("node-entrypoint: Welsh stops: herd did not deploy: Deployment Failure for ConfigProperty "
                        + "herd.node in class io.proxyherd.herd.HerdConfiguration Reason No value present (see "
                        + home.resolve("logs/Welsh.log") + ")\n");
    }

    @Test
    void aBootWithTheApplicationRunsUntilTermAndExitsAsPayaraDoes() throws Exception {
        Process entrypoint = start("boot-deployed.log");
        await("the boot's log written")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(home.resolve("logs/Welsh.log"))
                        && Files.readString(home.resolve("logs/Welsh.log")).contains("ready in"));
        assertThat(entrypoint.isAlive()).isTrue();

        entrypoint.destroy();

        assertThat(entrypoint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(entrypoint.exitValue()).isEqualTo(143);
        assertThat(stderr()).isEmpty();
    }

    private Process start(String bootLog) throws IOException, URISyntaxException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.copy(resource("/docker/fake-java"), java);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.createDirectories(home.resolve("server-config"));
        for (String file : new String[] {"herd.properties", "logging.properties", "node-jvm.options"}) {
            Files.copy(
                    ROOT.resolve("server-config").resolve(file),
                    config.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        builtImageLayout();
        ProcessBuilder builder = new ProcessBuilder(
                        "/bin/sh", ROOT.resolve("docker/node-entrypoint.sh").toString())
                .redirectError(home.resolve("stderr").toFile())
                .redirectOutput(home.resolve("stdout").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("HERD_NODE", "Welsh");
        builder.environment().put("HERD_HOME", home.toString());
        builder.environment().put("HERD_LOGS", home.resolve("logs").toString());
        builder.environment().put("HERD_RUN", home.resolve("run").toString());
        builder.environment().put("HERD_STATE", home.resolve("state").toString());
        builder.environment().put("FAKE_JAVA_ENV", home.resolve("java-env").toString());
        builder.environment()
                .put("FAKE_BOOT_LOG", resource("/launcher/" + bootLog).toString());
        builder.environment().put("FAKE_JAVA_ARGS", home.resolve("java-args").toString());
        builder.environment()
                .put(
                        "FAKE_REAL_JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return builder.start();
    }

    @Test
    void payaraGetsTheJvmOptionsOfServerConfigAndNoHazelcast() throws Exception {
        Process entrypoint = start("boot-deployed.log");
        await("java started").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("java-args")));
        entrypoint.destroy();
        entrypoint.waitFor(60, TimeUnit.SECONDS);

        String configDir = home.resolve("server-config").toString();
        List<String> options = Files.readAllLines(ROOT.resolve("server-config/node-jvm.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(option -> option.replace("${configDir}", configDir))
                .toList();
        List<String> args = Files.readAllLines(home.resolve("java-args"));
        assertThat(options).isNotEmpty();
        assertThat(args.subList(0, options.size())).isEqualTo(options);
        assertThat(args).contains("--nohazelcast").doesNotContain("--nocluster");
        Path runtime = home.resolve("target/payara-runtime");
        assertThat(args)
                .contains("-Dfish.payara.micro.UnpackDir=" + runtime, "--add-opens=java.base/java.lang=ALL-UNNAMED");
        // The build's archive, through the node's own link to it (PayaraRuntime says why).
        String archiveOption = "-XX:SharedArchiveFile=";
        Path archive = Path.of(args.stream()
                .filter(arg -> arg.startsWith(archiveOption))
                .findFirst()
                .orElseThrow()
                .substring(archiveOption.length()));
        assertThat(Files.isSameFile(archive, runtime.resolve("herd-classes.jsa")))
                .isTrue();
        assertThat(args.subList(args.indexOf("--deploy"), args.size()))
                .containsSubsequence(
                        "--deploy",
                        home.resolve("target/artemis-ra.rar").toString(),
                        "--deploy",
                        home.resolve("target/herd.war").toString());
        assertThat(args.get(args.indexOf("--rootdir") + 1))
                .isEqualTo(home.resolve("run/data/nodes/Welsh/payara").toString());
        assertThat(Files.readString(home.resolve("run/data/nodes/Welsh/logging.properties")))
                .contains(home.resolve("logs/Welsh.log").toString())
                .doesNotContain("@NODE_LOG@");
    }

    @Test
    void theNodeKeepsWhatItKnowsInTheStateFolder() throws Exception {
        Process entrypoint = start("boot-deployed.log");
        await("java started").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("java-env")));
        entrypoint.destroy();
        entrypoint.waitFor(60, TimeUnit.SECONDS);

        assertThat(Files.readAllLines(home.resolve("java-env")))
                .containsExactly("HERD_STATE_FILE=" + home.resolve("state/Welsh.registry"));
        assertThat(home.resolve("state")).isDirectory();
    }

    /**
     * What the image build leaves in the herd's home, in a checkout's layout: the launcher's classes, the WAR and the
     * adapter, Payara's unpacked runtime with the class-data archive. Only their names matter to the entrypoint: the
     * stand-in java never reads them.
     */
    private void builtImageLayout() throws IOException {
        Files.createSymbolicLink(home.resolve("classes"), ROOT.resolve("target/classes"));
        Path target = Files.createDirectories(home.resolve("target"));
        Files.createFile(target.resolve("herd.war"));
        Files.createFile(target.resolve("artemis-ra.rar"));
        Path runtime = Files.createDirectories(target.resolve("payara-runtime"));
        Files.createDirectories(runtime.resolve("config"));
        Files.writeString(runtime.resolve("config/domain.xml"), "<domain/>");
        Files.createFile(runtime.resolve("herd-classes.jsa"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Add-Opens", "java.base/java.lang");
        try (JarOutputStream launcher =
                new JarOutputStream(Files.newOutputStream(runtime.resolve("launch-micro.jar")), manifest)) {
            launcher.flush();
        }
    }

    private String stderr() throws IOException {
        return Files.readString(home.resolve("stderr"), StandardCharsets.UTF_8);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NodeEntrypointTest.class.getResource(name).toURI());
    }
}
