package io.proxyherd.jit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A while after the application has started, puts the compiler directives for a serving node on top of those the
 * node started with (node-jvm.options says what each set is for). The wait keeps C2's extra work out of the start of
 * this node and of the herd's nodes that start after it. Without the setting, or if the JVM refuses the file, the
 * node serves on with the directives it started with.
 */
@ApplicationScoped
public class ServingCompilation {

    private static final Logger LOG = Logger.getLogger(ServingCompilation.class.getName());

    @Inject
    @ConfigProperty(name = "herd.jit.serving-directives")
    Optional<String> directives;

    @Inject
    @ConfigProperty(name = "herd.jit.serving-after-seconds")
    int afterSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> switching;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (directives.isEmpty() || directives.get().isBlank()) {
            return;
        }
        Path file = Path.of(directives.get());
        switching = scheduler.schedule(() -> serve(file), afterSeconds, TimeUnit.SECONDS);
    }

    private static void serve(Path file) {
        try {
            CompilerDirectives.add(file);
            LOG.info(() -> "serving: the compiler directives of " + file + " are in force");
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> e.getMessage() + "; the node keeps the compiler directives it started with");
        }
    }

    @PreDestroy
    void stop() {
        if (switching != null) {
            switching.cancel(false);
        }
    }
}
