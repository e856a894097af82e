package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.support.Folders;
import io.proxyherd.support.HerdAgreement;
import io.proxyherd.support.HerdClients;
import io.proxyherd.support.SteadyLoad;
import io.proxyherd.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default herd through node failures: a neighbour down for a minute under a steady IAMAT load, and every pair of
 * nodes stopped in turn. Every IAMAT answered with an AT line must be known to every node in the end. Prints what it
 * measured.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FaultsUnderLoadIT {

    private static final Path STATE = Path.of("target", "faults-it");
    private static final List<String> NODES = List.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes");
    private static final int IAMATS_PER_SECOND = 50;

    private static LocalHerd herd;

    @BeforeAll
    static void startHerd() throws Exception {
        Folders.deleteRecursively(STATE.resolve("data"));
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withState(STATE.resolve("data"), STATE.resolve("logs"));
        // No Places calls here: the offline set keeps WHATSAT answers local.
        herd = LocalHerd.start(files, Map.of("PLACES_PROVIDER", "offline"), Duration.ofMinutes(4), node -> {});
    }

    @AfterAll
    static void stopHerd() {
        if (herd != null) {
            herd.close();
        }
    }

    @Test
    void aNeighbourDownForAMinuteUnderSteadyLoadLosesNoUpdate() throws Exception {
        int before = awaitAgreement(0);
        SteadyLoad load =
                SteadyLoad.start(herd.topology(), List.of("Goloman", "Hands", "Welsh", "Wilkes"), IAMATS_PER_SECOND);
        try {
            load.awaitAnswered(5 * IAMATS_PER_SECOND);
            herd.kill("Holiday");
            long downAt = System.nanoTime();
            LockSupport.parkNanos(Duration.ofSeconds(60).toNanos()); // the outage itself, under load
            herd.restart("Holiday", Duration.ofMinutes(2));
            long downMillis = (System.nanoTime() - downAt) / 1_000_000;
            load.awaitAnswered(load.answered() + 5 * IAMATS_PER_SECOND);
            Map<String, String> answered = load.stop();
            long stoppedAt = System.nanoTime();

            int known = awaitAgreement(before + answered.size());
            long agreedMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertThat(known).as("clients every node knows").isEqualTo(before + answered.size());
            HerdAgreement.assertSampleKnownEverywhere(herd.topology(), answered);
            System.out.printf(
                    "FaultsUnderLoadIT: Holiday killed and down %.1f s under %d IAMAT/s at the other four; %d IAMATs"
                            + " answered, %d refused while a node was away; every node knew all %d clients %.1f s after the"
                            + " load stopped; lost 0%n",
                    downMillis / 1000.0,
                    IAMATS_PER_SECOND,
                    answered.size(),
                    load.failed(),
                    known,
                    agreedMillis / 1000.0);
        } finally {
            load.stop();
        }
    }

    @Test
    void everyPairOfNodesStoppedInTurnLeavesTheRestAgreeingAndAllAgreeOnceTheyReturn() throws Exception {
        Topology topology = herd.topology();
        Map<String, String> reported = new LinkedHashMap<>();
        int pairs = 0;
        for (int i = 0; i < NODES.size(); i++) {
            for (int j = i + 1; j < NODES.size(); j++) {
                Set<String> stopped = Set.of(NODES.get(i), NODES.get(j));
                stopped.forEach(herd::stop);
                List<String> running =
                        NODES.stream().filter(node -> !stopped.contains(node)).toList();
                Map<String, String> thisRound = new LinkedHashMap<>();
                for (String node : running) {
                    String client = "pair-" + NODES.get(i) + "-" + NODES.get(j) + "-at-" + node;
                    thisRound.put(client, HerdClients.iamat(port(node), node, client));
                }
                // Each running node learns what was reported at the nodes it can still reach.
                for (String node : running) {
                    Set<String> reachable = reachable(topology, node, stopped);
                    thisRound.forEach((client, atLine) -> {
                        if (reachable.contains(atLine.split(" ")[1])) {
                            HerdClients.awaitKnown(port(node), client, atLine, Duration.ofSeconds(30));
                        }
                    });
                }
                restartTogether(stopped);
                reported.putAll(thisRound);
                for (String node : NODES) {
                    reported.forEach((client, atLine) ->
                            HerdClients.awaitKnown(port(node), client, atLine, Duration.ofSeconds(60)));
                }
                pairs++;
            }
        }
        System.out.printf(
                "FaultsUnderLoadIT: %d pairs stopped in turn; %d updates reported while a pair was away, every one"
                        + " known to all five nodes after; lost 0%n",
                pairs, reported.size());
    }

    private static void restartTogether(Set<String> nodes) {
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        for (String node : nodes) {
            restarts.add(CompletableFuture.runAsync(() -> {
                try {
                    herd.restart(node, Duration.ofMinutes(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        restarts.forEach(CompletableFuture::join);
    }

    /** The running nodes {@code from} can reach over links between running nodes, itself included. */
    private static Set<String> reachable(Topology topology, String from, Set<String> stopped) {
        Set<String> seen = new HashSet<>(Set.of(from));
        ArrayDeque<String> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            for (String neighbour : topology.neighbours(next.poll())) {
                if (!stopped.contains(neighbour) && seen.add(neighbour)) {
                    next.add(neighbour);
                }
            }
        }
        return seen;
    }

    /** Waits until every node knows the same clients, at least {@code atLeast} of them, and returns how many. */
    private static int awaitAgreement(int atLeast) {
        return HerdAgreement.awaitAgreement(
                NODES.stream()
                        .map(node -> herd.topology().node(node).httpPort())
                        .toList(),
                atLeast,
                Duration.ofMinutes(3));
    }

    private static int port(String node) {
        return herd.topology().node(node).clientPort();
    }
}
