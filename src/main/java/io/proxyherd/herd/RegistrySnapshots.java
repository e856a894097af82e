package io.proxyherd.herd;

import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.flood.RegistryFile;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps what this node knows in {@code herd.state.file}, so that a herd stopped whole (a reboot, compose down)
 * still knows its clients when it starts again: read back before the node serves, written every
 * {@code herd.state.snapshot-seconds} while it changes, and once more when the node stops. A node that crashes
 * loses what changed since its last snapshot only until its neighbours' catch-up, which follows every start.
 * Without the setting (the in-container tests) a node starts knowing nothing, and keeps nothing.
 */
@ApplicationScoped
public class RegistrySnapshots {

    private static final Logger LOG = Logger.getLogger(RegistrySnapshots.class.getName());

    @Inject
    @ConfigProperty(name = "herd.state.file")
    Optional<String> file;

    @Inject
    @ConfigProperty(name = "herd.state.snapshot-seconds")
    int snapshotSeconds;

    @Inject
    LocationRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private long changesWritten;
    private ScheduledFuture<?> snapshots;

    /** Fills a new registry from the file, if there is one; a file that cannot be read is moved aside, not lost. */
    static LocationRegistry loaded(Optional<String> file) {
        LocationRegistry registry = new LocationRegistry();
        if (file.isEmpty()) {
            return registry;
        }
        Path path = Path.of(file.get());
        try {
            long started = System.nanoTime();
            RegistryFile.Loaded loaded = RegistryFile.readInto(path, registry);
            LOG.info(() -> "read " + loaded.lines() + " clients' latest lines from " + path + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms"
                    + (loaded.unreadable() > 0
                            ? "; skipped " + loaded.unreadable() + " lines that are not AT lines"
                            : ""));
        } catch (IOException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.log(
                    Level.SEVERE,
                    "cannot read " + path + " (" + e.getMessage() + "); moved to " + aside
                            + " and starting from what the neighbours' catch-up brings",
                    e);
            registry = new LocationRegistry();
            try {
                Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new IllegalStateException(
                        "cannot move the unreadable " + path + " aside: " + moveFailed.getMessage(), moveFailed);
            }
        }
        return registry;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (file.isEmpty()) {
            return;
        }
        changesWritten = registry.changes();
        snapshots =
                scheduler.scheduleWithFixedDelay(this::snapshot, snapshotSeconds, snapshotSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "keeping what this node knows in " + file.get() + ", written every " + snapshotSeconds
                + " s while it changes");
    }

    @PreDestroy
    void stop() {
        if (snapshots != null) {
            snapshots.cancel(false);
        }
        snapshot();
    }

    synchronized void snapshot() {
        if (file.isEmpty()) {
            return;
        }
        long changes = registry.changes();
        if (changes == changesWritten) {
            return;
        }
        try {
            long started = System.nanoTime();
            RegistryFile.write(Path.of(file.get()), registry);
            changesWritten = changes;
            LOG.fine(() -> "wrote " + registry.size() + " clients to " + file.get() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            // Tried again at the next snapshot; the previous file stays whole meanwhile.
            LOG.log(Level.WARNING, "cannot write what this node knows to " + file.get() + ": " + e.getMessage(), e);
        }
    }
}
