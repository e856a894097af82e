package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.NodeAddress;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The default herd's five flood rules joined by in-memory links that deliver messages in any order, some of them
 * twice (flagged as a redelivery or not), and whose forwards sometimes fail, so that the broker delivers the
 * received message again: every node still ends with each client's latest line, the one a reference ordering of
 * all reports picks. jqwik prints the seed.
 */
class DeliveryOrderTest {

    private static final Map<String, Set<String>> LINKS = Map.of(
            "Goloman", Set.of("Hands", "Holiday", "Wilkes"),
            "Hands", Set.of("Goloman", "Wilkes"),
            "Holiday", Set.of("Goloman", "Welsh", "Wilkes"),
            "Welsh", Set.of("Holiday"),
            "Wilkes", Set.of("Goloman", "Hands", "Holiday"));
    private static final List<String> NODES = List.copyOf(new TreeMap<>(LINKS).keySet());

    /** A client reporting at a node: the AT line that node makes. */
    record Report(String node, String client, String time) {

        AtLine line() {
            return AtLine.parse("AT " + node + " +0.000000001 " + client + " +1.5-2.5 " + time)
                    .orElseThrow();
        }
    }

    @Property(tries = 2_000)
    void everyNodeEndsWithEachClientsLatestLineHoweverMessagesAreOrderedAndRepeated(
            @ForAll("reports") List<Report> reports, @ForAll Random random) {
        Herd herd = new Herd();
        Deque<Report> toReport = new ArrayDeque<>(reports);
        int repeated = 0;
        int failed = 0;
        while (!toReport.isEmpty() || !herd.inFlight.isEmpty()) {
            if (!toReport.isEmpty() && (herd.inFlight.isEmpty() || random.nextInt(3) == 0)) {
                herd.report(toReport.poll());
                continue;
            }
            Message message = herd.inFlight.remove(random.nextInt(herd.inFlight.size()));
            if (random.nextInt(8) == 0) {
                herd.inFlight.add(message.again(random.nextBoolean()));
                repeated++;
            }
            herd.failSends = random.nextInt(8) == 0;
            try {
                herd.deliver(message);
            } catch (FloodLinks.LinkFailure e) {
                // Not acknowledged: the broker delivers it again, flagged, as it does after a rollback.
                herd.inFlight.add(message.again(true));
                failed++;
            }
        }
        Statistics.label("messages delivered twice").collect(bucket(repeated));
        Statistics.label("forwards failed").collect(bucket(failed));

        Map<String, AtLine> expected = latestByReference(reports);
        for (String node : NODES) {
            LocationRegistry registry = herd.registries.get(node);
            assertThat(registry.size()).as(node + "'s clients").isEqualTo(expected.size());
            expected.forEach((client, line) -> assertThat(registry.latest(client))
                    .as(node + " on " + client)
                    .contains(line));
        }
    }

    private static String bucket(int count) {
        return count == 0 ? "none" : count < 5 ? "1-4" : "5 or more";
    }

    @Provide
    Arbitrary<List<Report>> reports() {
        // Few clients and times, so that reports of one client race each other and tie on their client time.
        Arbitrary<String> time =
                Arbitraries.of("1700000000", "1700000000.5", "1700000000.50", "1700000001", "1700000002.25");
        return Combinators.combine(Arbitraries.of(NODES), Arbitraries.of("kiwi", "apple", "pear"), time)
                .as(Report::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    /** Newest client time first; on equal times (as numbers) the smaller line text. */
    private static Map<String, AtLine> latestByReference(List<Report> reports) {
        Comparator<AtLine> latestFirst = Comparator.<AtLine, BigDecimal>comparing(
                        line -> new BigDecimal(line.clientTime().text()))
                .reversed()
                .thenComparing(AtLine::text);
        return reports.stream()
                .map(Report::line)
                .collect(Collectors.groupingBy(
                        AtLine::clientId,
                        Collectors.collectingAndThen(Collectors.minBy(latestFirst), best -> best.orElseThrow())));
    }

    record Message(String from, String to, Set<String> heldBy, List<Update> updates, boolean redelivered) {

        Message again(boolean flagged) {
            return new Message(from, to, heldBy, updates, flagged);
        }
    }

    /** Each node's rules and registry; its links put each send in flight, one message per receiving node. */
    private static final class Herd {

        final Map<String, LocationRegistry> registries = new HashMap<>();
        final Map<String, FloodRules> rules = new HashMap<>();
        final Map<String, LocalNode> locals = new HashMap<>();
        final List<Message> inFlight = new ArrayList<>();
        boolean failSends;

        Herd() {
            for (String node : NODES) {
                LocationRegistry registry = new LocationRegistry();
                registries.put(node, registry);
                FloodLinks links = new FloodLinks() {
                    @Override
                    public void send(Lane lane, Set<String> to, Set<String> heldBy, List<Update> updates) {
                        if (failSends) {
                            throw new FloodLinks.LinkFailure("the broker refused the forward", null);
                        }
                        to.forEach(neighbour -> inFlight.add(
                                new Message(node, neighbour, Set.copyOf(heldBy), List.copyOf(updates), false)));
                    }

                    @Override
                    public void requestCatchUp(String neighbour) {
                        throw new UnsupportedOperationException("no node of this herd restarts");
                    }
                };
                LocalNode local = new LocalNode(new NodeAddress(node, "localhost", 1, 2), LINKS.get(node));
                locals.put(node, local);
                rules.put(node, new FloodRules(local, registry, links));
            }
        }

        /** What the node's outbox does with a client's report: news goes to every neighbour (it retries until it can). */
        void report(Report report) {
            AtLine line = report.line();
            if (rules.get(report.node()).originate(line)) {
                Set<String> heldBy = locals.get(report.node()).heldOnceSent(Set.of(), LINKS.get(report.node()));
                LINKS.get(report.node())
                        .forEach(neighbour -> inFlight.add(
                                new Message(report.node(), neighbour, heldBy, List.of(Update.unstamped(line)), false)));
            }
        }

        void deliver(Message message) {
            rules.get(message.to())
                    .receive(message.from(), message.heldBy(), Lane.LIVE, message.updates(), message.redelivered());
        }
    }
}
