package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.support.Folders;
import io.proxyherd.support.HerdAgreement;
import io.proxyherd.support.HerdClients;
import io.proxyherd.support.SteadyLoad;
import io.proxyherd.topology.NodeAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default herd with a primary and a backup broker ({@code herd up --ha}): the primary killed (kill -9) under a
 * steady IAMAT load. Every node must flood again through the backup, and every IAMAT answered with an AT line must be
 * known to every node in the end. Prints how long each node took to flood again.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BrokerFailoverIT {

    private static final Path STATE = Path.of("target", "failover-it");
    private static final int IAMATS_PER_SECOND = 50;

    private static LocalHerd herd;

    @BeforeAll
    static void startHerd() throws Exception {
        Folders.deleteRecursively(STATE.resolve("data"));
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withState(STATE.resolve("data"), STATE.resolve("logs"));
        herd = LocalHerd.start(files, true, Map.of("PLACES_PROVIDER", "offline"), Duration.ofMinutes(4), node -> {});
    }

    @AfterAll
    static void stopHerd() {
        if (herd != null) {
            herd.close();
        }
    }

    @Test
    void thePrimaryKilledUnderSteadyLoadLeavesEveryNodeFloodingThroughTheBackupAndLosesNoUpdate() throws Exception {
        List<String> nodes =
                herd.topology().nodes().stream().map(NodeAddress::name).toList();
        BrokerPair brokers = herd.brokerPair();
        SteadyLoad load = SteadyLoad.start(herd.topology(), nodes, IAMATS_PER_SECOND);
        try {
            load.awaitAnswered(5 * IAMATS_PER_SECOND);
            brokers.primary().kill();
            long killedAt = System.nanoTime();

            // One update made at each node right after the kill: it reaches the node's neighbours once that node floods
            // again, through the backup.
            Map<String, CompletableFuture<Long>> resumed = new LinkedHashMap<>();
            Map<String, String> probes = new HashMap<>();
            for (String node : nodes) {
                String client = "probe-" + node;
                String atLine = HerdClients.iamat(herd.topology().node(node).clientPort(), node, client);
                probes.put(client, atLine);
                resumed.put(
                        node,
                        CompletableFuture.supplyAsync(() -> millisUntilNeighboursKnow(node, client, atLine, killedAt)));
            }
            await("the backup serves").atMost(Duration.ofMinutes(1)).until(brokers.backup()::isServing);
            long backupServingMillis = (System.nanoTime() - killedAt) / 1_000_000;
            Map<String, Long> floodingAgainMillis = new LinkedHashMap<>();
            resumed.forEach((node, millis) -> floodingAgainMillis.put(node, millis.join()));

            load.awaitAnswered(load.answered() + 5 * IAMATS_PER_SECOND);
            Map<String, String> answered = new HashMap<>(load.stop());
            answered.putAll(probes);
            int known = HerdAgreement.awaitAgreement(
                    nodes.stream()
                            .map(node -> herd.topology().node(node).httpPort())
                            .toList(),
                    answered.size(),
                    Duration.ofMinutes(3));

            assertThat(known).as("clients every node knows").isEqualTo(answered.size());
            assertThat(brokers.primary().isAlive()).isFalse();
            HerdAgreement.assertSampleKnownEverywhere(herd.topology(), answered);
            System.out.printf(
                    Locale.ROOT,
                    "BrokerFailoverIT: primary killed under %d IAMAT/s; backup serving after %.1f s;"
                            + " each node flooding again after %s; %d IAMATs answered, %d refused; every node knew all %d"
                            + " clients; lost 0%n",
                    IAMATS_PER_SECOND,
                    backupServingMillis / 1000.0,
                    floodingAgainMillis.entrySet().stream()
                            .map(entry ->
                                    String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / 1000.0))
                            .collect(Collectors.joining(", ")),
                    answered.size(),
                    load.failed(),
                    known);
        } finally {
            load.stop();
        }
    }

    /** How long after the kill every neighbour of {@code node} knew the update made there. */
    private static long millisUntilNeighboursKnow(String node, String client, String atLine, long killedAt) {
        for (String neighbour : herd.topology().neighbours(node)) {
            HerdClients.awaitKnown(herd.topology().node(neighbour).clientPort(), client, atLine, Duration.ofMinutes(2));
        }
        return (System.nanoTime() - killedAt) / 1_000_000;
    }
}
