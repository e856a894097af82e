package io.proxyherd.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyTest {

    private static final Map<String, String> TWO_NODES = Map.ofEntries(
            Map.entry("herd.nodes", "A, B"),
            Map.entry("herd.links", "A-B"),
            Map.entry("herd.node.A.host", "localhost"),
            Map.entry("herd.node.A.client-port", "1"),
            Map.entry("herd.node.A.http-port", "2"),
            Map.entry("herd.node.B.host", "localhost"),
            Map.entry("herd.node.B.client-port", "3"),
            Map.entry("herd.node.B.http-port", "4"),
            Map.entry("herd.broker.host", "localhost"),
            Map.entry("herd.broker.port", "5"),
            Map.entry("herd.broker.backup-host", "localhost"),
            Map.entry("herd.broker.backup-port", "6"));

    @Test
    void theDefaultHerdIsTheCoursesHerd() {
        Topology herd = Topology.load(Path.of("server-config/herd.properties"));

        assertThat(herd.nodes())
                .extracting(NodeAddress::name)
                .containsExactly("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
        assertThat(herd.nodes()).extracting(NodeAddress::clientPort).containsExactly(12000, 12001, 12002, 12003, 12004);
        assertThat(herd.neighbours("Goloman")).containsExactly("Hands", "Holiday", "Wilkes");
        assertThat(herd.neighbours("Hands")).containsExactly("Goloman", "Wilkes");
        assertThat(herd.neighbours("Holiday")).containsExactly("Goloman", "Welsh", "Wilkes");
        assertThat(herd.neighbours("Welsh")).containsExactly("Holiday");
        assertThat(herd.neighbours("Wilkes")).containsExactly("Goloman", "Hands", "Holiday");
        assertThat(herd.links())
                .extracting(link -> link.from() + "-" + link.to())
                .containsExactly(
                        "Goloman-Hands",
                        "Goloman-Holiday",
                        "Goloman-Wilkes",
                        "Hands-Wilkes",
                        "Holiday-Welsh",
                        "Holiday-Wilkes");
    }

    @Test
    void aLinkListedTwiceIsOneLink() {
        Topology herd = topology(Map.of("herd.links", "A-B,B-A"));

        assertThat(herd.links()).containsExactly(new Topology.Link("A", "B"));
    }

    @Test
    void aLinkToAnUnknownNodeIsNamed() {
        assertThatThrownBy(() -> topology(Map.of("herd.links", "A-C")))
                .hasMessageContaining("'A-C' is not a link between two different known nodes");
    }

    @Test
    void aNodeNoLinkReachesIsRefused() {
        assertThatThrownBy(() -> topology(Map.of("herd.links", ""))).hasMessageContaining("[B] unreachable");
        assertThatThrownBy(() -> topology(Map.of(
                        "herd.links",
                        "A-B",
                        "herd.nodes",
                        "A,B,C",
                        "herd.node.C.host",
                        "h",
                        "herd.node.C.client-port",
                        "6",
                        "herd.node.C.http-port",
                        "7")))
                .hasMessageContaining("[C] unreachable");
    }

    @Test
    void aBadPortIsNamed() {
        assertThatThrownBy(() -> topology(Map.of("herd.node.B.client-port", "70000")))
                .hasMessage("herd.node.B.client-port is '70000', not a port number");
    }

    @Test
    void anUnknownNodeNameListsTheHerd() {
        assertThatThrownBy(() -> topology(Map.of()).node("Zed")).hasMessage("unknown node 'Zed'; the herd has A, B");
    }

    @Test
    void clientsTryThePrimaryBrokerThenTheBackup() {
        assertThat(topology(Map.of()).brokers())
                .containsExactly(new BrokerAddress("localhost", 5), new BrokerAddress("localhost", 6));
    }

    @Test
    void aBackupBrokerOnThePrimarysAddressIsRefused() {
        assertThatThrownBy(() -> topology(Map.of("herd.broker.backup-port", "5")))
                .hasMessageContaining("the backup needs one of its own");
        assertThatThrownBy(() -> topology(Map.of("herd.broker.backup-port", "")))
                .hasMessage("missing setting herd.broker.backup-port");
    }

    private static Topology topology(Map<String, String> overrides) {
        return Topology.from(key -> Optional.ofNullable(overrides.getOrDefault(key, TWO_NODES.get(key))));
    }
}
