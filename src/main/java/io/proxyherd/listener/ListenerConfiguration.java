package io.proxyherd.listener;

import io.proxyherd.activity.NodeActivity;
import io.proxyherd.flood.LocationRegistry;
import io.proxyherd.herd.Flooding;
import io.proxyherd.places.NearbySearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** What answers the listener's lines: a singleton called as itself, not through a client proxy (see HerdConfiguration). */
@ApplicationScoped
public class ListenerConfiguration {

    @Produces
    @Singleton
    LineHandler requests(Flooding flooding, LocationRegistry registry, NearbySearch places, NodeActivity activity) {
        return new ClientRequests(flooding, registry, places, activity);
    }
}
