package io.proxyherd.bench;

import static io.proxyherd.bench.Figures.report;

import io.proxyherd.bench.Report.Section;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load run at one node, next to the same load on the ceiling server; then how long the herd takes to
 * drain it, and what flooding it cost on the wire, from every node's counters.
 */
final class ThroughputRun {

    /** A load against one port. */
    interface Load {
        LoadResult run(int port) throws Exception;
    }

    /** A load run on the ceiling server, and the CPU this JVM (server and load generator) spent on it. */
    record Ceiling(LoadResult load, CpuUse cpu) {

        static Ceiling measure(Load load, int port) throws Exception {
            CpuUse before = CpuUse.readThisJvm();
            LoadResult result = load.run(port);
            return new Ceiling(result, CpuUse.readThisJvm().since(before));
        }
    }

    private final BenchHerd herd;
    private final Report table;
    private final String origin;
    private final String observer;

    ThroughputRun(BenchHerd herd, Report table, String origin, String observer) {
        this.herd = herd;
        this.table = table;
        this.origin = origin;
        this.observer = observer;
    }

    /** Runs the load at the origin; {@code ceiling} is the same load's result on the ceiling server. */
    LoadResult measure(String kind, String what, Load load, Ceiling ceiling) throws Exception {
        WireCost before = WireCost.read(herd);
        CpuUse cpuBefore = CpuUse.read(herd.processes());
        LoadResult result = load.run(herd.clientPort(origin));
        long ended = System.nanoTime();
        CpuUse cpu = CpuUse.read(herd.processes()).since(cpuBefore);
        compare(what, result, ceiling.load());
        cpuCost(kind, result.answered(), cpu, ceiling);
        drain(kind, result, ended);
        wireCost(kind, result.answered(), WireCost.read(herd).since(before));
        return result;
    }

    private void compare(String what, LoadResult herd, LoadResult ceiling) {
        report(
                what,
                "%.0f /s (ceiling %.0f /s, ratio %.3f)",
                herd.perSecond(),
                ceiling.perSecond(),
                herd.perSecond() / ceiling.perSecond());
        table.compared(what, "IAMAT/s", herd.perSecond(), ceiling.perSecond());
        for (double percent : new double[] {50, 99, 99.9}) {
            String name = "  reply p"
                    + (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent));
            report(name, "%.2f ms (ceiling %.2f ms)", herd.millisAt(percent), ceiling.millisAt(percent));
            table.compared(name, "ms", herd.millisAt(percent), ceiling.millisAt(percent));
        }
    }

    private void cpuCost(String kind, long iamats, CpuUse herdCpu, Ceiling ceiling) {
        String herdPer = herdCpu.perIamat(iamats);
        String ceilingPer = ceiling.cpu().perIamat(ceiling.load().answered());
        report("  " + kind + ": CPU per IAMAT", "%s; ceiling %s", herdPer, ceilingPer);
        table.compared(
                "  CPU per IAMAT, all processes",
                "µs",
                herdCpu.totalMicrosPer(iamats),
                ceiling.cpu().totalMicrosPer(ceiling.load().answered()));
        table.row(
                Section.THROUGHPUT,
                "  CPU per IAMAT, by process (the broker runs in the load generator's JVM)",
                herdPer);
    }

    private void drain(String kind, LoadResult result, long ended) throws Exception {
        String far = Drain.farthestFrom(herd, origin);
        List<String> observers = far.equals(observer) ? List.of(observer) : List.of(observer, far);
        double drained = Drain.await(herd, ended, result.lastReplies(), observers);
        report(
                "  " + kind + ": every update at every node (queues empty, "
                        + result.lastReplies().size() + " last clients exact at " + String.join(", ", observers)
                        + ") after",
                "%.1f s more",
                drained);
        Map<String, Long> known = Drain.knownClients(herd);
        boolean equal = known.values().stream().distinct().count() == 1;
        report("  " + kind + ": clients known per node once drained", "%s%s", known, equal ? "" : " (NOT equal)");
        table.row(
                Section.DRAIN,
                String.format(
                        Locale.ROOT,
                        "every update at every node after the %.0f s %s run (%,d updates)",
                        result.elapsed().toNanos() / 1e9,
                        kind,
                        result.answered()),
                String.format(Locale.ROOT, "%.1f s more%s", drained, equal ? "" : " (node counts NOT equal)"));
    }

    private void wireCost(String kind, long iamats, WireCost.Delta cost) {
        report(
                "  " + kind + ": flood updates / messages / bytes per IAMAT",
                "%s / %s / %s",
                cost.updatesPer(iamats),
                cost.messagesPer(iamats),
                cost.bytesPer(iamats));
        report("  " + kind + ": updates per flood message (batch size)", "%s", cost.batchSize());
        table.row(
                Section.WIRE,
                "flooding per IAMAT, " + kind + " run: updates sent / JMS messages / body bytes; updates per message",
                cost.updatesPer(iamats) + " / " + cost.messagesPer(iamats) + " / " + cost.bytesPer(iamats) + "; "
                        + cost.batchSize());
    }
}
