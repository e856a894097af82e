package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.report;

import io.proxyherd.support.LineConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A node that crashes while the herd knows many clients, and comes back: the herd is loaded with
 * {@code n} distinct clients (pipelined IAMATs over a few connections spread across the nodes), Holiday
 * is killed (SIGKILL) and started again. Measured: how long until it serves; from then, until it knows
 * every client; and how long an IAMAT made at Hands meanwhile takes to be seen at Welsh, whose only
 * link is Holiday.
 *
 * <p>"Knows every client" is a count: Holiday's console API ({@code /api/clients}, its {@code total})
 * against Hands', which knows everything Holiday can learn (the probes start at Hands); Holiday only ever
 * learns clients the herd has, so equal counts are equal sets. A WHATSAT sample spread over the
 * {@code n} clients then confirms the AT lines themselves.
 */
final class CatchUpRun {

    private static final String CRASHED = "Holiday";
    private static final String PROBE_ORIGIN = "Hands";
    private static final String PROBE_OBSERVER = "Welsh";
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final BenchHerd herd;
    private final BenchSettings settings;

    CatchUpRun(BenchHerd herd, BenchSettings settings) {
        this.herd = herd;
        this.settings = settings;
    }

    /** Prints the figures; returns the rows for the summary. */
    Results run(Report table) throws Exception {
        int n = settings.catchUpClients();
        List<String> sample = load(n);
        herd.kill(CRASHED);
        long restarted = System.nanoTime();
        herd.restart(CRASHED);
        long serving = System.nanoTime();
        double servingAfter = (serving - restarted) / 1e9;
        report(CRASHED + " killed (kill -9) and started again, the herd knowing " + n + "+ clients: serving after", "%.1f s", servingAfter);

        ExecutorService watcher = Executors.newSingleThreadExecutor();
        try {
            Future<Double> caughtUp = watcher.submit(() -> awaitCaughtUp(serving));
            List<Double> probes = probeWhile(caughtUp);
            double knowsAll = caughtUp.get();
            report("  knows every client after serving, by /api/clients total", "%.1f s", knowsAll);
            boolean exact = Visibility.answersAll(herd.clientPort(CRASHED), sample);
            report("  WHATSAT at " + CRASHED + " for " + sample.size() + " clients spread over the " + n, "%s", exact ? "all exact" : "NOT all exact");
            double first = probes.get(0);
            double max = Collections.max(probes);
            report("  IAMAT at " + PROBE_ORIGIN + " once it serves, visible at " + PROBE_OBSERVER + " after", "%.2f s", first);
            report("  the same, " + probes.size() + " probes during the catch-up, max", "%.2f s", max);
            table.row("catch-up: " + CRASHED + " killed and restarted, herd knowing " + n + " clients",
                    String.format(java.util.Locale.ROOT, "serving after %.1f s; knows every client %.1f s later%s", servingAfter, knowsAll,
                            exact ? "" : " (WHATSAT sample NOT exact)"));
            table.row("catch-up: IAMAT at Hands visible at Welsh (via Holiday) while it catches up",
                    String.format(java.util.Locale.ROOT, "first %.2f s, max %.2f s over %d probes", first, max, probes.size()));
            return new Results(servingAfter, knowsAll, first, max);
        } finally {
            watcher.shutdownNow();
        }
    }

    record Results(double servingAfter, double knowsAllAfter, double firstProbe, double maxProbe) {}

    /** Reports n distinct clients, spread over every node, and waits until every node knows them all. */
    private List<String> load(int n) throws Exception {
        List<String> nodes = herd.nodeNames();
        List<Long> before = new ArrayList<>();
        for (String node : nodes) {
            before.add(herd.knownClients(node));
        }
        int stride = Math.max(1, n / settings.catchUpSample());
        List<String> sample = Collections.synchronizedList(new ArrayList<>());
        String run = "known-" + System.currentTimeMillis() + "-";
        long started = System.nanoTime();
        LoadResult result = PipelinedLoad.run(herd.clientPorts(nodes), settings.catchUpConnections(), settings.catchUpPipelineDepth(),
                i -> i < n ? run + i : null,
                (client, at) -> {
                    if (Long.parseLong(client.substring(run.length())) % stride == 0) {
                        sample.add(at);
                    }
                });
        long loaded = System.nanoTime();
        report(n + " clients reported (" + settings.catchUpConnections() + " connections over every node, "
                + settings.catchUpPipelineDepth() + " in flight each)", "%.1f s, %.0f IAMAT/s", result.elapsed().toNanos() / 1e9, result.perSecond());
        long deadline = started + PATIENCE.toNanos();
        for (int i = 0; i < nodes.size(); i++) {
            while (herd.knownClients(nodes.get(i)) < before.get(i) + n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(nodes.get(i) + " did not learn the " + n + " clients within " + PATIENCE.toMinutes() + " min");
                }
                Thread.sleep(200);
            }
        }
        herd.awaitQueuesEmpty();
        report("  every node knows them all, after the last reply", "%.1f s (%.0f updates/s from the first IAMAT)",
                Figures.seconds(loaded), n / Figures.seconds(started));
        return sample;
    }

    /** Seconds from {@code serving} until the crashed node knows as many clients as the probes' origin. */
    private double awaitCaughtUp(long serving) throws Exception {
        long deadline = serving + PATIENCE.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(CRASHED + " did not catch up within " + PATIENCE.toMinutes() + " min");
            }
            Thread.sleep(100);
        }
        return Figures.seconds(serving);
    }

    private boolean caughtUp() throws Exception {
        try {
            return herd.knownClients(CRASHED) >= herd.knownClients(PROBE_ORIGIN);
        } catch (IOException busy) {
            // A node busy catching up may answer its console late: ask again.
            return false;
        }
    }

    /** IAMATs at the origin, one at a time, each timed until the observer answers it, while the catch-up lasts. */
    private List<Double> probeWhile(Future<Double> caughtUp) throws Exception {
        List<Double> times = new ArrayList<>();
        try (LineConnection reporter = new LineConnection(herd.clientPort(PROBE_ORIGIN));
                LineConnection asker = new LineConnection(herd.clientPort(PROBE_OBSERVER))) {
            do {
                String client = "catch-up-probe-" + System.nanoTime();
                long sent = System.nanoTime();
                String at = reporter.ask(Figures.iamat(client).strip()).strip();
                times.add((Visibility.awaitAnswered(asker, client, at, 5) - sent) / 1e9);
                if (!caughtUp.isDone()) {
                    Thread.sleep(settings.catchUpProbePause().toMillis());
                }
            } while (times.size() < settings.catchUpProbes() && !caughtUp.isDone());
        }
        return times;
    }
}
