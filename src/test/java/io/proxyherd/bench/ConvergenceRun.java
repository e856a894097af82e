package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.millis;
import static io.proxyherd.bench.Figures.percentile;
import static io.proxyherd.bench.Figures.report;

import io.proxyherd.bench.Report.Section;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** How soon an IAMAT at the origin is seen at the observer: on an idle herd, and under a steady background load. */
final class ConvergenceRun {

    /** Links an update crosses from Welsh to Hands: Welsh-Holiday, Holiday-Goloman (or Wilkes), then on to Hands. */
    private static final int HOPS = 3;

    private final BenchHerd herd;
    private final Report table;
    private final String origin;
    private final String observer;
    private final int samples;

    ConvergenceRun(BenchHerd herd, Report table, String origin, String observer, int samples) {
        this.herd = herd;
        this.table = table;
        this.origin = origin;
        this.observer = observer;
        this.samples = samples;
    }

    /**
     * On the idle herd, beside the floor: the same number of hops through the same broker by bare JMS clients
     * (three, Welsh to Holiday to Goloman or Wilkes to Hands, each a persistent send in a committed transaction).
     */
    void idle(Duration atMost) throws Exception {
        long[] floor;
        try (BrokerFloor chain = new BrokerFloor(
                herd.broker(),
                herd.topology().broker().host(),
                herd.topology().broker().port(),
                HOPS)) {
            floor = chain.measure(samples, Duration.ZERO);
        }
        long[] times = Visibility.convergence(herd.clientPort(origin), herd.clientPort(observer), samples, atMost);
        report(
                "the floor: " + HOPS + " persistent hops through the broker by bare JMS clients: p50 / p99 / max",
                "%.1f / %.1f / %.1f ms (%d samples)",
                millis(percentile(floor, 50)),
                millis(percentile(floor, 99)),
                millis(percentile(floor, 100)),
                floor.length);
        table.row(
                Section.CONVERGENCE,
                "the floor: the same " + HOPS + " hops through the same broker by bare JMS clients, no herd",
                String.format(
                        Locale.ROOT,
                        "p50 %s ms, p99 %s ms (%d samples)",
                        Report.format(millis(percentile(floor, 50))),
                        Report.format(millis(percentile(floor, 99))),
                        floor.length));
        print("idle herd", times);
    }

    /**
     * The same samples while one-shot IAMATs arrive at {@code perSecond} at the background nodes for
     * {@code lasting}; no sample starts after that, and the last one is awaited to its end.
     */
    void loaded(double perSecond, List<String> background, Duration lasting) throws Exception {
        long[] times;
        double achieved;
        long failures;
        try (PacedLoad load = PacedLoad.start(herd.clientPorts(background), perSecond, lasting)) {
            times = Visibility.convergence(herd.clientPort(origin), herd.clientPort(observer), samples, lasting);
            achieved = load.achievedPerSecond();
            failures = load.failures();
        }
        long queued = herd.queuedMessages();
        print(
                String.format(
                        Locale.ROOT,
                        "%.0f one-shot IAMAT/s at %s for %d s (asked %.0f/s, half the one-shot rate)%s",
                        achieved,
                        String.join(", ", background),
                        lasting.toSeconds(),
                        perSecond,
                        failures == 0 ? "" : ", " + failures + " failed"),
                times);
        report("  messages on the herd's queues after the last sample", "%d", queued);
        long stopped = System.nanoTime();
        herd.awaitQueuesEmpty();
        report("  every queue empty again after", "%.1f s more", Figures.seconds(stopped));
    }

    private void print(String condition, long[] times) {
        String what = "IAMAT at " + origin + " visible at " + observer + ", " + condition;
        report(
                what + ": p50 / p99 / max",
                "%.1f / %.1f / %.1f ms (%d samples)",
                millis(percentile(times, 50)),
                millis(percentile(times, 99)),
                millis(percentile(times, 100)),
                times.length);
        table.row(
                Section.CONVERGENCE,
                what,
                String.format(
                        Locale.ROOT,
                        "p50 %s ms, p99 %s ms (%d samples)",
                        Report.format(millis(percentile(times, 50))),
                        Report.format(millis(percentile(times, 99))),
                        times.length));
    }
}
