package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.broker.QueueState;
import io.proxyherd.topology.NodeAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void aRowPerNodeUnderHeadingsWithColumnsAligned() {
        String table = StatusTable.format(List.of(
                new NodeStatus(
                        new NodeAddress("Goloman", "localhost", 12000, 12080),
                        Health.UP,
                        new TreeSet<>(Set.of("Hands", "Holiday", "Wilkes")),
                        QueueState.of("herd.Goloman", 15, 0)),
                new NodeStatus(
                        new NodeAddress("Holiday", "localhost", 12002, 12082),
                        Health.DOWN,
                        new TreeSet<>(Set.of("Goloman", "Welsh", "Wilkes")),
                        QueueState.of("herd.Holiday", 0, 12))));

        assertThat(table).isEqualTo("""
                NODE     HEALTH  CLIENT  HTTP   NEIGHBOURS            QUEUE         CONSUMERS  MESSAGES
                Goloman  up      12000   12080  Hands,Holiday,Wilkes  herd.Goloman  15         0
                Holiday  down    12002   12082  Goloman,Welsh,Wilkes  herd.Holiday  0          12
                """);
    }

    @Test
    void aNodeStoppedOnPurposeSaysSo() {
        String table = StatusTable.format(List.of(new NodeStatus(
                new NodeAddress("Welsh", "localhost", 12003, 12083),
                Health.STOPPED,
                Set.of("Holiday"),
                QueueState.of("herd.Welsh", 0, 3))));

        assertThat(table.lines().toList())
                .containsExactly(
                        "NODE   HEALTH   CLIENT  HTTP   NEIGHBOURS  QUEUE       CONSUMERS  MESSAGES",
                        "Welsh  stopped  12003   12083  Holiday     herd.Welsh  0          3");
    }

    @Test
    void anUnknownConsumerCountSaysWhy() {
        String table = StatusTable.format(List.of(new NodeStatus(
                new NodeAddress("Alpha", "localhost", 1, 2),
                Health.UP,
                Set.of(),
                QueueState.unknown("herd.Alpha", "broker unreachable"))));

        assertThat(table.lines().toList())
                .containsExactly(
                        "NODE   HEALTH  CLIENT  HTTP  NEIGHBOURS  QUEUE       CONSUMERS           MESSAGES",
                        "Alpha  up      1       2     -           herd.Alpha  broker unreachable  -");
    }
}
