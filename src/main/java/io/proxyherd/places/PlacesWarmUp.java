package io.proxyherd.places;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Makes the node's Places search once the application has started, in the background, without calling Places:
 * otherwise the first WHATSAT a node answers pays for it (the settings, the offline data set, the JSON
 * classes), which took 0.1 s on a quiet node and 0.95 s on one busy answering a neighbour's catch-up.
 */
@ApplicationScoped
public class PlacesWarmUp {

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NearbySearch search;

    private Thread warmer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // Any call on the application-scoped proxy makes the search behind it; toString is the one that does nothing
        // else.
        warmer = threads.newThread(search::toString);
        warmer.setName("places-warm-up");
        warmer.start();
    }

    @PreDestroy
    void stop() {
        if (warmer != null) {
            warmer.interrupt();
        }
    }
}
