package io.proxyherd.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/broker-entrypoint.sh, run by bash on this machine with the image's own entrypoint replaced by {@code true}:
 * the broker.xml and accounts it puts in the instance, as Artemis reads them.
 */
class BrokerEntrypointTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path instance;

    @Test
    void aBrokerAloneGetsTheHerdsSettingsItsClusterPasswordAndAnAccountPerNodeReadableByItsOwnerOnly()
            throws Exception {
        Run run = run(environment());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Configuration broker = read(instance.resolve("etc-override/broker.xml"));
        assertThat(broker.getClusterUser()).isEqualTo("herd-cluster");
        assertThat(broker.getClusterPassword()).isEqualTo("cluster-secret-1234");
        assertThat(broker.getHAPolicyConfiguration())
                .isNotInstanceOfAny(
                        SharedStorePrimaryPolicyConfiguration.class, SharedStoreBackupPolicyConfiguration.class);
        assertThat(broker.getAcceptorConfigurations())
                .singleElement()
                .satisfies(acceptor -> assertThat(acceptor.getParams()).containsEntry("port", "61616"));
        assertThat(broker.getSecurityRoles())
                .isEqualTo(read(ROOT.resolve("server-config/broker.xml")).getSecurityRoles());
        Path users = instance.resolve("etc-override/artemis-users.properties");
        assertThat(Files.readAllLines(users))
                .containsExactly(
                        "admin = admin-secret-1234",
                        "Goloman = goloman-secret-12",
                        "Hands = hands-secret-1234",
                        "Holiday = holiday-secret-12",
                        "Welsh = welsh-secret-1234",
                        "Wilkes = wilkes-secret-123",
                        "herd-monitor = monitor-secret-12");
        assertThat(Files.getPosixFilePermissions(users)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(instance.resolve("etc-override/artemis-roles.properties")))
                .containsExactly(
                        "amq = admin",
                        "node-Goloman = Goloman",
                        "node-Hands = Hands",
                        "node-Holiday = Holiday",
                        "node-Welsh = Welsh",
                        "node-Wilkes = Wilkes",
                        "monitor = herd-monitor");
        assertThat(run.out()).doesNotContain("secret");
    }

    @Test
    void aBackupSharesTheJournalListensOnTheBackupPortAndAnnouncesItselfToThePrimary() throws Exception {
        Map<String, String> environment = environment();
        environment.put("HERD_BROKER_ROLE", "backup");

        assertThat(run(environment).exitCode()).isZero();

        Configuration backup = read(instance.resolve("etc-override/broker.xml"));
        assertThat(backup.getHAPolicyConfiguration()).isInstanceOf(SharedStoreBackupPolicyConfiguration.class);
        assertThat(backup.getJournalDirectory()).isEqualTo("data/journal");
        assertThat(backup.getAcceptorConfigurations())
                .singleElement()
                .satisfies(acceptor -> assertThat(acceptor.getParams()).containsEntry("port", "61617"));
        assertThat(backup.getConnectorConfigurations().get("primary").getParams())
                .containsEntry("host", "artemis");
        assertThat(backup.getConnectorConfigurations().get("backup").getParams())
                .containsEntry("host", "artemis-backup");
        assertThat(backup.getClusterConfigurations())
                .singleElement()
                .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("primary"));
    }

    @Test
    void withHaOnTheBrokerIsThePrimaryAndAnnouncesItselfToTheBackup() throws Exception {
        Map<String, String> environment = environment();
        environment.put("HERD_BROKER_HA", "true");

        assertThat(run(environment).exitCode()).isZero();

        Configuration primary = read(instance.resolve("etc-override/broker.xml"));
        assertThat(primary.getHAPolicyConfiguration()).isInstanceOf(SharedStorePrimaryPolicyConfiguration.class);
        assertThat(primary.getClusterConfigurations())
                .singleElement()
                .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("backup"));
    }

    @Test
    void anInstanceMadeBeforeGetsTheFilesToo() throws Exception {
        Path etc = Files.createDirectories(instance.resolve("etc"));
        Files.writeString(etc.resolve("broker.xml"), "<configuration/>");

        assertThat(run(environment()).exitCode()).isZero();

        assertThat(read(etc.resolve("broker.xml")).getClusterPassword()).isEqualTo("cluster-secret-1234");
        assertThat(etc.resolve("artemis-users.properties")).exists();
    }

    @Test
    void aMissingOrWeakPasswordStopsTheBrokerWithItsName() throws Exception {
        Map<String, String> missing = environment();
        missing.remove("HERD_BROKER_PASSWORD_WELSH");
        Run withoutWelsh = run(missing);
        assertThat(withoutWelsh.exitCode()).isEqualTo(64);
        assertThat(withoutWelsh.err()).contains("HERD_BROKER_PASSWORD_WELSH is not set");

        Map<String, String> weak = environment();
        weak.put("HERD_CLUSTER_PASSWORD", "short");
        Run shortOne = run(weak);
        assertThat(shortOne.exitCode()).isEqualTo(64);
        assertThat(shortOne.err()).contains("HERD_CLUSTER_PASSWORD must be 12 or more");

        Map<String, String> unknownRole = environment();
        unknownRole.put("HERD_BROKER_ROLE", "spare");
        assertThat(run(unknownRole).err()).contains("HERD_BROKER_ROLE is 'spare'");
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "ARTEMIS_USER",
                "admin",
                "ARTEMIS_PASSWORD",
                "admin-secret-1234",
                "HERD_BROKER_PASSWORD_GOLOMAN",
                "goloman-secret-12",
                "HERD_BROKER_PASSWORD_HANDS",
                "hands-secret-1234",
                "HERD_BROKER_PASSWORD_HOLIDAY",
                "holiday-secret-12",
                "HERD_BROKER_PASSWORD_WELSH",
                "welsh-secret-1234",
                "HERD_BROKER_PASSWORD_WILKES",
                "wilkes-secret-123",
                "HERD_MONITOR_PASSWORD",
                "monitor-secret-12",
                "HERD_CLUSTER_PASSWORD",
                "cluster-secret-1234"));
        environment.put("HERD_CONFIG_DIR", ROOT.resolve("server-config").toString());
        environment.put("HERD_ARTEMIS_RUN", "true");
        return environment;
    }

    private record Run(int exitCode, String out, String err) {}

    private Run run(Map<String, String> environment) throws IOException, InterruptedException {
        Path out = instance.resolveSibling(instance.getFileName() + ".out");
        Path err = instance.resolveSibling(instance.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", ROOT.resolve("docker/broker-entrypoint.sh").toString(), "run")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HERD_BROKER_INSTANCE", instance.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Configuration read(Path file) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        new FileDeploymentManager(file.toUri().toString())
                .addDeployable(configuration)
                .readConfiguration();
        return configuration;
    }
}
