package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.report;

import io.proxyherd.bench.Report.Section;
import io.proxyherd.support.LineConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

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
 * {@code n} clients then checks the AT lines themselves.
 */
final class CatchUpRun {

    private static final String CRASHED = "Holiday";
    private static final String PROBE_ORIGIN = "Hands";
    private static final String PROBE_OBSERVER = "Welsh";
    /** Past this a figure is reported as not reached, and the benchmark goes on. */
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final BenchHerd herd;
    private final BenchSettings settings;
    private final Report table;

    CatchUpRun(BenchHerd herd, BenchSettings settings, Report table) {
        this.herd = herd;
        this.settings = settings;
        this.table = table;
    }

    void run() throws Exception {
        int n = settings.catchUpClients();
        List<String> sample = load(n);
        if (sample == null) {
            return;
        }
        long known = herd.knownClients(PROBE_ORIGIN);
        herd.kill(CRASHED);
        long restarted = System.nanoTime();
        herd.restart(CRASHED);
        long serving = System.nanoTime();
        double servingAfter = (serving - restarted) / 1e9;
        report(
                CRASHED + " killed (kill -9) and started again, the herd knowing " + known + " clients: serving after",
                "%.1f s",
                servingAfter);

        ExecutorService watcher = Executors.newSingleThreadExecutor();
        try {
            Future<Double> caughtUp = watcher.submit(() -> awaitCaughtUp(serving));
            List<Double> probes = probeWhile(caughtUp);
            double knowsAll = caughtUp.get();
            String knows = Double.isNaN(knowsAll)
                    ? "does not know every client within " + PATIENCE.toMinutes() + " min"
                    : String.format(Locale.ROOT, "knows every client %.1f s later", knowsAll);
            report(
                    "  from serving, " + CRASHED + " (by /api/clients total, against " + PROBE_ORIGIN + "'s)",
                    "%s",
                    knows);
            boolean exact = Visibility.answersAll(herd.clientPort(CRASHED), sample);
            report(
                    "  WHATSAT at " + CRASHED + " for " + sample.size() + " clients spread over the " + n,
                    "%s",
                    exact ? "all exact" : "NOT all exact");
            double first = probes.get(0);
            double max = Collections.max(probes);
            report(
                    "  IAMAT at " + PROBE_ORIGIN + " once it serves, visible at " + PROBE_OBSERVER + " after",
                    "%s",
                    seconds(first));
            report("  the same, " + probes.size() + " probes during the catch-up, max", "%s", seconds(max));
            table.row(
                    Section.CATCH_UP,
                    String.format(
                            Locale.ROOT,
                            "%s killed (kill -9) and started again, the herd knowing %,d clients",
                            CRASHED,
                            known),
                    String.format(
                            Locale.ROOT,
                            "serving after %.1f s; %s%s",
                            servingAfter,
                            knows,
                            exact ? "" : " (WHATSAT sample NOT exact)"));
            table.row(
                    Section.CATCH_UP,
                    "IAMAT at " + PROBE_ORIGIN + " visible at " + PROBE_OBSERVER + " (through " + CRASHED
                            + ") while it catches up",
                    "first " + seconds(first) + ", max " + seconds(max) + " over " + probes.size() + " probes");
        } finally {
            watcher.shutdownNow();
        }
    }

    private static String seconds(double value) {
        return Double.isInfinite(value)
                ? "not within " + PATIENCE.toMinutes() + " min"
                : String.format(Locale.ROOT, "%.2f s", value);
    }

    /**
     * Reports n distinct clients, spread over every node, and waits until every node knows them all;
     * returns the AT lines of a sample spread over them, or null if the herd did not take them in time.
     */
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
        LoadResult result = PipelinedLoad.run(
                herd.clientPorts(nodes),
                settings.catchUpConnections(),
                settings.catchUpPipelineDepth(),
                i -> i < n ? run + i : null,
                (client, at) -> {
                    if (Long.parseLong(client.substring(run.length())) % stride == 0) {
                        sample.add(at);
                    }
                });
        long loaded = System.nanoTime();
        String how = settings.catchUpConnections() + " connections over every node, " + settings.catchUpPipelineDepth()
                + " in flight each";
        report(
                String.format(Locale.ROOT, "%,d clients reported (%s)", n, how),
                "%.1f s, %.0f IAMAT/s",
                result.elapsed().toNanos() / 1e9,
                result.perSecond());
        long deadline = started + PATIENCE.toNanos();
        for (int i = 0; i < nodes.size(); i++) {
            while (herd.knownClients(nodes.get(i)) < before.get(i) + n) {
                if (System.nanoTime() > deadline) {
                    report(
                            "  the herd did not learn them all within",
                            "%d min: no catch-up figures",
                            PATIENCE.toMinutes());
                    table.row(
                            Section.CATCH_UP,
                            "loading " + n + " clients for the catch-up",
                            "not taken in within " + PATIENCE.toMinutes() + " min");
                    return null;
                }
                Thread.sleep(200);
            }
        }
        herd.awaitQueuesEmpty();
        double absorbed = Figures.seconds(started);
        report("  every node knows them all, after the first IAMAT", "%.1f s (%.0f clients/s)", absorbed, n / absorbed);
        // Also the probes' observer's first WHATSAT answers: the probes then time the flood, not that.
        report(
                "  WHATSAT at " + PROBE_OBSERVER + " for " + sample.size() + " clients spread over the " + n,
                "%s",
                Visibility.answersAll(herd.clientPort(PROBE_OBSERVER), sample) ? "all exact" : "NOT all exact");
        table.row(
                Section.CATCH_UP,
                String.format(Locale.ROOT, "%,d clients reported (%s), until every node knows them", n, how),
                String.format(
                        Locale.ROOT,
                        "%.0f s (%.0f clients/s); replies took %.1f s",
                        absorbed,
                        n / absorbed,
                        (loaded - started) / 1e9));
        return sample;
    }

    /** Seconds from {@code serving} until the crashed node knows as many clients as the probes' origin; NaN if it did not in time. */
    private double awaitCaughtUp(long serving) throws Exception {
        long deadline = serving + PATIENCE.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
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
                try {
                    times.add((Visibility.awaitAnswered(asker, client, at, 5, PATIENCE) - sent) / 1e9);
                } catch (TimeoutException e) {
                    times.add(Double.POSITIVE_INFINITY);
                    break;
                }
                if (!caughtUp.isDone()) {
                    Thread.sleep(settings.catchUpProbePause().toMillis());
                }
            } while (times.size() < settings.catchUpProbes() && !caughtUp.isDone());
        }
        return times;
    }
}
