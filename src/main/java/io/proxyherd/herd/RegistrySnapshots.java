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
 * still knows its clients when it starts again: read back before the node serves, and every
 * {@code herd.state.snapshot-seconds} while it changes, and once more when the node stops, what changed is added
 * to it ({@link RegistryFile}). A node that crashes loses what changed since its last snapshot only until its
 * neighbours' catch-up, which follows every start. Without the setting (the in-container tests) a node starts
 * knowing nothing, and keeps nothing.
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

    private RegistryFile store;
    private long changesWritten;
    private ScheduledFuture<?> snapshots;

    /**
     * Fills a new registry from the file, if there is one; a file that cannot be read is moved aside, not lost.
     * The registry notes its changes if there is a file to add them to.
     */
    static LocationRegistry loaded(Optional<String> file) {
        if (file.isEmpty()) {
            return new LocationRegistry();
        }
        LocationRegistry registry = LocationRegistry.notingChanges();
        Path path = Path.of(file.get());
        try {
            long started = System.nanoTime();
            RegistryFile.Loaded loaded = RegistryFile.readInto(path, registry);
            // What the file holds needs no writing again.
            registry.takeChanged();
            int clients = registry.size();
            LOG.info(() -> "read " + loaded.lines() + " lines from " + path + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms: the latest of " + clients + " clients"
                    + (loaded.unreadable() > 0
                            ? "; skipped " + loaded.unreadable() + " lines that are not whole AT lines"
                            : ""));
        } catch (IOException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
            LOG.log(
                    Level.SEVERE,
                    "cannot read " + path + " (" + e.getMessage() + "); moved to " + aside
                            + " and starting from what the neighbours' catch-up brings",
                    e);
            registry = LocationRegistry.notingChanges();
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
        store = new RegistryFile(Path.of(file.get()));
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
        if (store == null) {
            return;
        }
        long changes = registry.changes();
        if (changes == changesWritten) {
            return;
        }
        try {
            long started = System.nanoTime();
            RegistryFile.Written written = store.snapshot(registry);
            changesWritten = changes;
            LOG.fine(() -> (written.whole() ? "wrote all " : "added ") + written.lines() + " lines to " + file.get()
                    + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            // Tried again at the next snapshot; the previous file stays whole meanwhile.
            LOG.log(Level.WARNING, "cannot write what this node knows to " + file.get() + ": " + e.getMessage(), e);
        }
    }
}
