package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.report;
import static io.proxyherd.bench.Figures.seconds;

import io.proxyherd.bench.Report.Section;
import io.proxyherd.bench.ThroughputRun.Ceiling;
import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The herd's figures, printed, never asserted, the throughput ones next to a bare ceiling server's
 * measured in the same run on the same machine: IAMAT throughput and latency (one-shot and persistent),
 * how fast an update travels (idle and under load), how long the herd takes to drain a load run, what
 * flooding puts on the wire, how a killed node catches up, memory, and 10,000 open connections. Ends
 * with a Markdown table for the README. Run with {@code ./mvnw verify -Pbenchmark}; the knobs are in
 * {@link BenchSettings}.
 */
class HerdBenchmark {

    private static final String ORIGIN = "Welsh";
    /** Three hops from Welsh: the farthest node. */
    private static final String OBSERVER = "Hands";
    /** Where the background load of the loaded convergence goes: every node but the two measured. */
    private static final List<String> BACKGROUND = List.of("Goloman", "Holiday", "Wilkes");

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final Report table = new Report();

    @Test
    void printFigures() throws Exception {
        System.out.println("BENCH settings " + settings);
        long started = System.nanoTime();
        try (BenchHerd herd = BenchHerd.start(
                        Path.of("").toAbsolutePath(), Path.of("target", "herd-bench"), settings.portShift());
                CeilingServer ceiling = CeilingServer.start()) {
            double upAfter = seconds(started);
            report("herd up (broker + " + herd.processes().size() + " nodes, each serving)", "%.1f s", upAfter);
            table.row(Section.START, "herd up, every node serving", String.format(Locale.ROOT, "%.0f s", upAfter));
            String rssAfterStart = rss(herd, "memory after start");
            Path archive =
                    HerdFiles.inCheckout(Path.of("").toAbsolutePath()).runtime().classDataArchive();
            String archiveSize = Files.isRegularFile(archive) ? (Files.size(archive) >> 20) + " MB" : "none";
            report("class-data archive the nodes map", "%s", archiveSize);
            table.row(Section.START, "class-data archive the nodes map", archiveSize);
            // First, while the herd knows no other clients: the catch-up is of exactly the clients it loads.
            new CatchUpRun(herd, settings, table).run();

            warmUp(herd, ceiling.port());
            // Measured while the herd is idle: the ceiling is this machine's, not what the herd leaves of it.
            Ceiling ceilingOneShot = Ceiling.measure(this::oneShot, ceiling.port());
            Ceiling ceilingPersistent = Ceiling.measure(this::persistent, ceiling.port());

            ConvergenceRun convergence =
                    new ConvergenceRun(herd, table, ORIGIN, OBSERVER, settings.convergenceSamples());
            convergence.idle(settings.measure().multipliedBy(3));

            ThroughputRun throughput = new ThroughputRun(herd, table, ORIGIN, OBSERVER);
            LoadResult oneShot = throughput.measure(
                    "one-shot",
                    "one-shot IAMAT at " + ORIGIN + ", " + settings.clients() + " clients",
                    this::oneShot,
                    ceilingOneShot);
            throughput.measure(
                    "persistent",
                    "persistent IAMAT at " + ORIGIN + ", " + settings.clients() + " connections, "
                            + settings.pipelineDepth() + " in flight each",
                    this::persistent,
                    ceilingPersistent);

            convergence.loaded(oneShot.perSecond() / 2, BACKGROUND, settings.backgroundLoad());
            OpenConnections.check(herd.clientPort(ORIGIN), settings.connections(), ORIGIN, herd.processes(), table);
            String rssAfterRun = rss(herd, "memory after the run");
            table.row(
                    Section.MEMORY,
                    "memory per node, RSS (PSS: shared pages split among the processes sharing them)",
                    rssAfterStart + " after start, " + rssAfterRun + " after the run (Holiday's since its restart)");
        }
        table.print();
    }

    /** Lets the JIT compilers finish, in the nodes and in this JVM, before anything is measured. */
    private void warmUp(BenchHerd herd, int ceiling) throws Exception {
        OneShotLoad.run(ceiling, settings.clients(), settings.warmUp().dividedBy(3));
        persistent(ceiling);
        // Five JVMs share two cores: a one-shot load warms the same code in the node as a persistent one.
        LoadResult herdWarmUp = OneShotLoad.run(herd.clientPort(ORIGIN), settings.clients(), settings.warmUp());
        double drained = Drain.await(herd, System.nanoTime(), herdWarmUp.lastReplies(), List.of(OBSERVER));
        report(
                "warm-up: one-shot IAMAT at " + ORIGIN + ", " + settings.clients() + " clients",
                "%.0f /s for %d s, drained %.1f s later",
                herdWarmUp.perSecond(),
                settings.warmUp().toSeconds(),
                drained);
    }

    private LoadResult oneShot(int port) throws Exception {
        return OneShotLoad.run(port, settings.clients(), settings.measure());
    }

    private LoadResult persistent(int port) throws Exception {
        return PipelinedLoad.run(List.of(port), settings.clients(), settings.pipelineDepth(), settings.measure());
    }

    /** Each node's resident and proportional memory, printed; returns the range of both for the table. */
    private static String rss(BenchHerd herd, String when) {
        LongSummaryStatistics resident = new LongSummaryStatistics();
        LongSummaryStatistics proportional = new LongSummaryStatistics();
        for (NodeProcess node : herd.processes()) {
            ProcessMemory memory = ProcessMemory.of(node.pid());
            long rss = memory.residentKib() / 1024;
            long pss = memory.proportionalKib() / 1024;
            report(when + ", " + node.address().name(), "RSS %d MB, PSS %d MB", rss, pss);
            resident.accept(rss);
            proportional.accept(pss);
        }
        return resident.getMin() + "-" + resident.getMax() + " MB (PSS " + proportional.getMin() + "-"
                + proportional.getMax() + ")";
    }
}
