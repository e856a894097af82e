package io.proxyherd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's memory as the kernel counts it, in KiB (0 if unknown: not Linux, or the process is gone).
 * Resident counts every page the process has in memory; proportional counts a page shared with other
 * processes (the nodes' class-data archive, the JDK's libraries) in equal parts among them, so the nodes'
 * proportional figures add up to what the herd really takes.
 */
record ProcessMemory(long residentKib, long proportionalKib) {

    static ProcessMemory of(long pid) {
        try {
            long resident = 0;
            long proportional = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Rss:")) {
                    resident = kib(line);
                } else if (line.startsWith("Pss:")) {
                    proportional = kib(line);
                }
            }
            return new ProcessMemory(resident, proportional);
        } catch (IOException | NumberFormatException e) {
            return new ProcessMemory(0, 0);
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }
}
