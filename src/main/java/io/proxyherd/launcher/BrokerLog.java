package io.proxyherd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends the embedded broker's log to its own file, so the console shows only the herd's progress. */
final class BrokerLog {

    // Held so the loggers and their settings are not garbage-collected.
    private static final Logger ARTEMIS = Logger.getLogger("org.apache.activemq");
    private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

    private BrokerLog() {}

    static void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        ARTEMIS.setUseParentHandlers(false);
        ARTEMIS.addHandler(handler);
        // The audit log records every connection and session: noise for a local herd.
        AUDIT.setLevel(Level.WARNING);
    }
}
