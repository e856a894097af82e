package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.millis;
import static io.proxyherd.bench.Figures.percentile;
import static io.proxyherd.bench.Figures.report;
import static io.proxyherd.bench.Figures.seconds;

import io.proxyherd.launcher.NodeProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The herd's figures, printed, never asserted, each next to a bare ceiling server's measured in the
 * same run on the same machine: IAMAT throughput and latency (one-shot and persistent), how fast an
 * update travels (idle and under load), how long the herd takes to drain a load run, what flooding puts
 * on the wire, how a crashed node catches up, memory, and 10,000 open connections. Run with
 * {@code ./mvnw verify -Pbenchmark}; the knobs are in {@link BenchSettings}.
 */
class HerdBenchmark {

    private static final String ORIGIN = "Welsh";
    private static final String OBSERVER = "Hands";
    /** Where the background load of the loaded convergence goes: every node but the two measured. */
    private static final List<String> BACKGROUND = List.of("Goloman", "Holiday", "Wilkes");

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final Report table = new Report();

    @Test
    void printFigures() throws Exception {
        System.out.println("BENCH settings " + settings);
        long started = System.nanoTime();
        try (BenchHerd herd = BenchHerd.start(Path.of("").toAbsolutePath(), Path.of("target", "herd-bench"));
                CeilingServer ceiling = CeilingServer.start()) {
            double upAfter = seconds(started);
            report("herd up (broker + " + herd.processes().size() + " nodes, each serving)", "%.1f s", upAfter);
            table.row("herd up, every node serving", String.format(Locale.ROOT, "%.0f s", upAfter));
            String rssAfterStart = rss(herd, "RSS after start");
            int origin = herd.clientPort(ORIGIN);

            warmUp(herd, origin, ceiling.port());
            LoadResult ceilingOneShot = OneShotLoad.run(ceiling.port(), settings.clients(), settings.measure());
            LoadResult ceilingPersistent = persistent(ceiling.port());

            long[] idle = Visibility.convergence(origin, herd.clientPort(OBSERVER), settings.convergenceSamples(), settings.measure().multipliedBy(3));
            report("IAMAT at " + ORIGIN + " visible at " + OBSERVER + " (idle herd), p50 / p99 / max", "%.1f / %.1f / %.1f ms",
                    millis(percentile(idle, 50)), millis(percentile(idle, 99)), millis(idle[idle.length - 1]));
            table.row("IAMAT at Welsh visible at Hands (3 hops), idle herd", String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d samples)",
                    millis(percentile(idle, 50)), millis(percentile(idle, 99)), idle.length));

            LoadResult oneShot = measuredRun(herd, "one-shot", () -> OneShotLoad.run(origin, settings.clients(), settings.measure()));
            compare("one-shot IAMAT at " + ORIGIN + ", " + settings.clients() + " clients", oneShot, ceilingOneShot);
            LoadResult persistent = measuredRun(herd, "persistent", () -> persistent(origin));
            compare("persistent IAMAT at " + ORIGIN + ", " + settings.clients() + " connections, " + settings.pipelineDepth() + " in flight each",
                    persistent, ceilingPersistent);

            loadedConvergence(herd, oneShot.perSecond() / 2);
            new CatchUpRun(herd, settings).run(table);
            OpenConnections.check(herd.clientPort(ORIGIN), settings.connections(), ORIGIN, herd.processes(), table);
            String rssAfterRun = rss(herd, "RSS after the run");
            table.row("memory per node (RSS)", rssAfterStart + " after start, " + rssAfterRun + " after the run");
        }
        table.print();
    }

    /** Lets the JIT compilers finish, in the nodes and in this JVM, before anything is measured. */
    private void warmUp(BenchHerd herd, int origin, int ceiling) throws Exception {
        OneShotLoad.run(ceiling, settings.clients(), settings.warmUp().dividedBy(3));
        persistent(ceiling);
        OneShotLoad.run(origin, settings.clients(), settings.warmUp());
        herd.awaitQueuesEmpty();
    }

    private LoadResult persistent(int port) throws Exception {
        return PipelinedLoad.run(List.of(port), settings.clients(), settings.pipelineDepth(), settings.measure());
    }

    private interface Load {
        LoadResult run() throws Exception;
    }

    /** A load run at the origin, then how long the herd takes to drain it, and what it cost on the wire. */
    private LoadResult measuredRun(BenchHerd herd, String kind, Load load) throws Exception {
        WireCost before = WireCost.read(herd);
        LoadResult result = load.run();
        long ended = System.nanoTime();
        String far = Drain.farthestFrom(herd, ORIGIN);
        List<String> observers = far.equals(OBSERVER) ? List.of(OBSERVER) : List.of(OBSERVER, far);
        double drained = Drain.await(herd, ended, result.lastReplies(), observers);
        Map<String, Long> known = Drain.knownClients(herd);
        report("  " + kind + ": every update at every node (queues empty, " + result.lastReplies().size()
                + " last clients exact at " + String.join(", ", observers) + ") after", "%.1f s more", drained);
        report("  " + kind + ": clients known per node once drained", "%s%s", known,
                known.values().stream().distinct().count() == 1 ? "" : " (NOT equal)");
        table.row("drain after the " + settings.measure().toSeconds() + " s " + kind + " run (" + result.answered() + " updates)",
                String.format(Locale.ROOT, "%.1f s more", drained));

        WireCost.Delta cost = WireCost.read(herd).since(before);
        long iamats = result.answered();
        report("  " + kind + ": flood updates / messages / bytes per IAMAT", "%s / %s / %s",
                cost.updatesPer(iamats), cost.messagesPer(iamats), cost.bytesPer(iamats));
        report("  " + kind + ": updates per flood message (batch size)", "%s", cost.batchSize());
        table.row("wire cost per IAMAT, " + kind + " run: updates / messages / bytes; batch size",
                cost.updatesPer(iamats) + " / " + cost.messagesPer(iamats) + " / " + cost.bytesPer(iamats) + "; " + cost.batchSize());
        return result;
    }

    private void compare(String what, LoadResult herd, LoadResult ceiling) {
        report(what, "%.0f /s (ceiling %.0f /s, ratio %.2f)", herd.perSecond(), ceiling.perSecond(), herd.perSecond() / ceiling.perSecond());
        for (double percent : new double[] {50, 99, 99.9}) {
            report("  reply p" + format(percent), "%.2f ms (ceiling %.2f ms)", herd.millisAt(percent), ceiling.millisAt(percent));
        }
        table.compared(what, "IAMAT/s", herd.perSecond(), ceiling.perSecond());
        for (double percent : new double[] {50, 99, 99.9}) {
            table.compared("  reply p" + format(percent), "ms", herd.millisAt(percent), ceiling.millisAt(percent));
        }
    }

    /** Convergence again, while a steady one-shot load at the other nodes keeps the herd busy. */
    private void loadedConvergence(BenchHerd herd, double rate) throws Exception {
        long[] loaded;
        double achieved;
        long failures;
        try (PacedLoad background = PacedLoad.start(herd.clientPorts(BACKGROUND), rate)) {
            loaded = Visibility.convergence(herd.clientPort(ORIGIN), herd.clientPort(OBSERVER), settings.convergenceSamples(),
                    settings.loadedConvergenceAtMost());
            achieved = background.achievedPerSecond();
            failures = background.failures();
        }
        String load = String.format(Locale.ROOT, "%.0f one-shot IAMAT/s at %s", achieved, String.join(", ", BACKGROUND));
        report("IAMAT at " + ORIGIN + " visible at " + OBSERVER + " under " + load + ", p50 / p99 / max", "%.1f / %.1f / %.1f ms (%d samples%s)",
                millis(percentile(loaded, 50)), millis(percentile(loaded, 99)), millis(loaded[loaded.length - 1]), loaded.length,
                failures == 0 ? "" : ", " + failures + " background IAMATs failed");
        table.row("IAMAT at Welsh visible at Hands, under " + load + " (half the one-shot rate asked: "
                        + String.format(Locale.ROOT, "%.0f", rate) + ")",
                String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d samples)", millis(percentile(loaded, 50)),
                        millis(percentile(loaded, 99)), loaded.length));
        long quietFrom = System.nanoTime();
        herd.awaitQueuesEmpty();
        report("  the background load's updates flooded after", "%.1f s more", seconds(quietFrom));
    }

    private static String rss(BenchHerd herd, String when) {
        long least = Long.MAX_VALUE;
        long most = 0;
        for (NodeProcess node : herd.processes()) {
            long mb = node.residentKib() / 1024;
            report(when + ", " + node.address().name(), "%d MB", mb);
            least = Math.min(least, mb);
            most = Math.max(most, mb);
        }
        return least + "-" + most + " MB";
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
