package io.proxyherd.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the herd takes to know every update after a load run: until no herd queue on the broker
 * holds a message and, at each observer, WHATSAT answers for a sample of the last clients the load
 * reported with exactly their AT lines. Both are needed: an empty broker says nothing of updates still
 * waiting in a node's outbox, and a sample alone says nothing of the rest.
 */
final class Drain {

    private static final long POLL_MILLIS = 50;

    private Drain() {}

    /** Seconds from {@code loadEndedNanos} until drained. */
    static double await(BenchHerd herd, long loadEndedNanos, List<String> lastReplies, List<String> observers)
            throws Exception {
        List<Integer> ports = herd.clientPorts(observers);
        while (!(herd.queuesEmpty() && answeredEverywhere(ports, lastReplies) && herd.queuesEmpty())) {
            Thread.sleep(POLL_MILLIS);
        }
        return Figures.seconds(loadEndedNanos);
    }

    private static boolean answeredEverywhere(List<Integer> ports, List<String> atLines) throws Exception {
        for (int port : ports) {
            if (!Visibility.answersAll(port, atLines)) {
                return false;
            }
        }
        return true;
    }

    /** Each node's count of known clients, once drained: equal counts say the sample did not miss anyone. */
    static Map<String, Long> knownClients(BenchHerd herd) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String node : herd.nodeNames()) {
            counts.put(node, herd.knownClients(node));
        }
        return counts;
    }

    /** The node farthest from {@code origin} by links, the last an update from there reaches. */
    static String farthestFrom(BenchHerd herd, String origin) {
        List<String> frontier = new ArrayList<>(List.of(origin));
        List<String> seen = new ArrayList<>(frontier);
        String last = origin;
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String node : frontier) {
                for (String neighbour : herd.topology().neighbours(node)) {
                    if (!seen.contains(neighbour)) {
                        seen.add(neighbour);
                        next.add(neighbour);
                        last = neighbour;
                    }
                }
            }
            frontier = next;
        }
        return last;
    }
}
