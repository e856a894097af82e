package io.proxyherd.bench;

import com.sun.management.OperatingSystemMXBean;
import io.proxyherd.launcher.NodeProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time spent so far by each node (from {@code /proc/PID/stat}), by the broker that runs in this JVM
 * (its threads' names carry "activemq"), and by the rest of this JVM (the load generator, and the
 * ceiling server when it is the one loaded). The difference of two readings says where a load run's CPU
 * went. A broker thread that ends between the readings takes its time with it, so the broker's share
 * is a lower bound.
 */
record CpuUse(Map<String, Long> nanos) {

    static final String BROKER = "broker";
    static final String BENCHMARK = "load generator";

    private static final long NANOS_PER_TICK = 10_000_000; // USER_HZ is 100 on Linux
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuUse read(List<NodeProcess> nodes) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (NodeProcess node : nodes) {
            nanos.put(node.address().name(), processNanos(node.pid()));
        }
        long broker = brokerNanos();
        nanos.put(BROKER, broker);
        nanos.put(BENCHMARK, thisJvmNanos() - broker);
        return new CpuUse(nanos);
    }

    /** This JVM alone: the ceiling server with its load generator. */
    static CpuUse readThisJvm() {
        return new CpuUse(Map.of(BENCHMARK, thisJvmNanos()));
    }

    /** The CPU spent since the earlier reading, per process. */
    CpuUse since(CpuUse earlier) {
        Map<String, Long> spent = new LinkedHashMap<>();
        nanos.forEach((who, now) -> spent.put(who, now - earlier.nanos.getOrDefault(who, 0L)));
        return new CpuUse(spent);
    }

    private long totalNanos() {
        return nanos.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Microseconds of CPU per IAMAT, all processes together (0 when there were none). */
    double totalMicrosPer(long iamats) {
        return micros(totalNanos(), iamats);
    }

    /** Microseconds of CPU per IAMAT, all together and per process: "734 µs (Welsh 180, ...)". */
    String perIamat(long iamats) {
        String each = nanos.entrySet().stream()
                .map(e -> e.getKey() + " " + rounded(micros(e.getValue(), iamats)))
                .collect(Collectors.joining(", "));
        return rounded(totalMicrosPer(iamats)) + " µs" + (nanos.size() > 1 ? " (" + each + ")" : "");
    }

    private static double micros(long nanos, long iamats) {
        return iamats == 0 ? 0.0 : nanos / 1e3 / iamats;
    }

    private static String rounded(double micros) {
        return String.format(Locale.ROOT, "%.0f", micros);
    }

    private static long processNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may hold spaces: count the fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long thisJvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long brokerNanos() {
        long sum = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null
                    && thread.getThreadName().toLowerCase(Locale.ROOT).contains("activemq")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }
}
