package io.proxyherd.logging;

import io.proxyherd.activity.Count;
import io.proxyherd.activity.NodeActivity;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * From the application's start to its stop, the node's own records (loggers under {@code io.proxyherd}) go
 * to the node's log file through an {@link AsyncLogHandler}, so that a client or flood thread only hands a
 * record over. Payara's own records keep going through the handlers of {@code --logproperties}, appending to
 * the same file. The JUL configuration cannot name the handler itself: it is read before the WAR's classes
 * exist. Without {@code herd.log.file} (the in-container tests) the node logs as Payara does.
 */
@ApplicationScoped
public class NodeLog {

    // Held here: the log manager keeps loggers only weakly, and would forget the handler with the logger.
    private static final Logger HERD = Logger.getLogger("io.proxyherd");
    private static final Logger LOG = Logger.getLogger(NodeLog.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "herd.log.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "herd.log.buffer-records")
    int bufferRecords;

    @Inject
    NodeActivity activity;

    private AsyncLogHandler handler;

    void start(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object applicationStarted) {
        if (file.isEmpty() || file.get().isBlank()) {
            return;
        }
        try {
            handler = AsyncLogHandler.appendingTo(
                    Path.of(file.get()), bufferRecords, threads, dropped -> activity.count(Count.LOG_DROPPED, dropped));
        } catch (IOException e) {
            LOG.log(
                    Level.WARNING,
                    "cannot append to the log file " + file.get()
                            + "; the node's own records go through logging.properties' handlers instead",
                    e);
            return;
        }
        HERD.addHandler(handler);
        HERD.setUseParentHandlers(false);
        LOG.info(
                () -> "the node's own records go to " + file.get() + " from a buffer of " + bufferRecords + " records");
    }

    /**
     * Payara's handlers take the records again before this one closes: a record may be written twice, none lost.
     * At a JVM shutdown the log manager has closed every handler, this one included (writing out its buffer), by now.
     */
    @PreDestroy
    void stop() {
        if (handler == null) {
            return;
        }
        HERD.setUseParentHandlers(true);
        HERD.removeHandler(handler);
        handler.close();
    }
}
