package io.proxyherd.launcher;

import static io.proxyherd.support.TestBroker.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.support.BrokerInspection;
import io.proxyherd.topology.Topology;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** server-config/broker.xml is what every broker of the herd runs with; the local one places it and adds the queues. */
class BrokerSettingsTest {

    private static final Path SETTINGS = Path.of("server-config", "broker.xml");
    private static final Topology HERD = Topology.load(Path.of("server-config", "herd.properties"));

    @TempDir
    Path data;

    @Test
    void theLocalBrokerTakesEverySettingFromTheFileAndChangesOnlyWhereItRuns() throws Exception {
        Configuration file = EmbeddedBroker.settings(SETTINGS);
        Configuration local = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.ALONE);

        assertThat(local.getAddressSettings()).isEqualTo(file.getAddressSettings());
        assertThat(local.getJournalType()).isEqualTo(file.getJournalType());
        assertThat(local.getJournalBufferTimeout_NIO()).isEqualTo(file.getJournalBufferTimeout_NIO());
        assertThat(local.isPersistenceEnabled()).isTrue().isEqualTo(file.isPersistenceEnabled());
        assertThat(local.getAddressConfigurations())
                .extracting(CoreAddressConfiguration::getName)
                .containsAll(file.getAddressConfigurations().stream()
                        .map(CoreAddressConfiguration::getName)
                        .toList());
        assertThat(local.getJournalDirectory())
                .isEqualTo(data.resolve("journal").toString());
        assertListensOn(local, HERD.broker().port());
    }

    @Test
    void theLocalBrokerHasALiveAndACatchUpQueueForEveryNode() throws Exception {
        Configuration local = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.ALONE);

        assertThat(local.getAddressConfigurations())
                .extracting(CoreAddressConfiguration::getName)
                .contains(
                        "herd.Goloman",
                        "herd.Goloman.catch-up",
                        "herd.Welsh",
                        "herd.Welsh.catch-up",
                        "herd.dead-letters");
    }

    @Test
    void aFloodMessageThatCannotBeReadEndsInTheDeadLetterQueueAfterSixDeliveries() throws Exception {
        Configuration file = EmbeddedBroker.settings(SETTINGS);
        AddressSettings herdQueues = file.getAddressSettings().get("herd.#");

        assertThat(herdQueues.getMaxDeliveryAttempts()).isEqualTo(6);
        assertThat(herdQueues.getDeadLetterAddress().toString()).isEqualTo(BrokerInspection.DEAD_LETTERS);
        assertThat(herdQueues.getRedeliveryDelay()).isEqualTo(500);
        assertThat(file.getAddressConfigurations())
                .extracting(CoreAddressConfiguration::getName)
                .contains(BrokerInspection.DEAD_LETTERS);
    }

    @Test
    void theFileListensOnTheBrokerPortOfHerdProperties() throws Exception {
        Configuration file = EmbeddedBroker.settings(SETTINGS);

        assertListensOn(file, HERD.broker().port());
    }

    @Test
    void theFileGivesEachRoleWhatTheLocalBrokerGivesItForTheDefaultHerd() throws Exception {
        Configuration file = EmbeddedBroker.settings(SETTINGS);

        assertThat(file.getSecurityRoles()).isEqualTo(BrokerSecurity.roles(HERD));
        assertThat(file.isSecurityEnabled()).isTrue();
        assertThat(file.isManagementMessageRbac()).isTrue();
    }

    @Test
    void theFileListsEveryQueueOfTheDefaultHerdSinceNoNodeMayCreateOne() throws Exception {
        Configuration file = EmbeddedBroker.settings(SETTINGS);

        assertThat(file.getAddressConfigurations())
                .extracting(CoreAddressConfiguration::getName)
                .containsAll(HERD.nodes().stream()
                        .flatMap(node -> Stream.of(Topology.queueOf(node.name()), Topology.catchUpQueueOf(node.name())))
                        .toList());
    }

    @Test
    void theLocalBrokerListsEachQueueOnce() throws Exception {
        Configuration local = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.ALONE);

        assertThat(local.getAddressConfigurations())
                .extracting(CoreAddressConfiguration::getName)
                .doesNotHaveDuplicates();
    }

    @Test
    void aPrimaryAndItsBackupShareOneJournalAndListenEachOnItsOwnPort() throws Exception {
        Configuration primary = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.PRIMARY);
        Configuration backup = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.BACKUP);

        assertThat(primary.getHAPolicyConfiguration()).isInstanceOf(SharedStorePrimaryPolicyConfiguration.class);
        assertThat(backup.getHAPolicyConfiguration()).isInstanceOf(SharedStoreBackupPolicyConfiguration.class);
        assertThat(backup.getJournalDirectory()).isEqualTo(primary.getJournalDirectory());
        assertThat(backup.getBindingsDirectory()).isEqualTo(primary.getBindingsDirectory());
        assertListensOn(backup, HERD.backupBroker().port());
        // Each announces itself to the other, so a client of the primary learns where the backup is.
        assertThat(primary.getClusterConfigurations())
                .singleElement()
                .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("backup"));
        assertThat(backup.getClusterConfigurations())
                .singleElement()
                .satisfies(cluster -> assertThat(cluster.getStaticConnectors()).containsExactly("primary"));
        assertThat(primary.getClusterPassword()).isEqualTo(ACCOUNTS.password(BrokerAccounts.CLUSTER));
    }

    @Test
    void aBrokerAloneHasNoPartner() throws Exception {
        Configuration alone = EmbeddedBroker.configuration(HERD, SETTINGS, data, ACCOUNTS, BrokerRole.ALONE);

        assertThat(alone.getClusterConfigurations()).isEmpty();
        assertThat(alone.getConnectorConfigurations()).isEmpty();
    }

    private static void assertListensOn(Configuration broker, int port) {
        assertThat(broker.getAcceptorConfigurations())
                .singleElement()
                .satisfies(acceptor -> assertThat(acceptor.getParams()).containsEntry("port", String.valueOf(port)));
    }
}
