package io.proxyherd.places;

import io.proxyherd.threads.FixedThreads;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the Places settings from MicroProfile Config and produces the application's {@link NearbySearch}. */
@ApplicationScoped
public class PlacesConfiguration {

    private static final Logger LOG = Logger.getLogger(PlacesConfiguration.class.getName());
    private static final Duration IDLE_CALL_THREAD = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "places.provider")
    String provider;

    @Inject
    @ConfigProperty(name = "places.base-url")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "places.new.base-url")
    String newBaseUrl;

    @Inject
    @ConfigProperty(name = "places.new.field-mask")
    String fieldMask;

    // MicroProfile Config also finds this one as the environment variable PLACES_API_KEY.
    @Inject
    @ConfigProperty(name = "places.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "places.connect-timeout-ms")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "places.read-timeout-ms")
    long readTimeoutMs;

    @Inject
    @ConfigProperty(name = "places.retries")
    int retries;

    @Inject
    @ConfigProperty(name = "places.retry-base-ms")
    long retryBaseMs;

    @Inject
    @ConfigProperty(name = "places.max-concurrent")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "places.cache.precision-digits")
    int cachePrecisionDigits;

    @Inject
    @ConfigProperty(name = "places.cache.ttl-seconds")
    long cacheTtlSeconds;

    @Inject
    @ConfigProperty(name = "places.cache.max-entries")
    long cacheMaxEntries;

    // The node's activity figures (NodeActivity); absent when a test builds this class by hand.
    @Inject
    PlacesListener listener;

    // The container's timer threads: retries wait on them without holding any thread.
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Produces
    @ApplicationScoped
    NearbySearch nearbySearch() {
        return decorated(chosen(), scheduler);
    }

    /**
     * Makes the search once the application has started, on the container's executor, without calling Places:
     * otherwise the first WHATSAT a node answers pays for it (the settings, the offline data set, the JSON
     * classes), which took 0.1 s on a quiet node and 0.95 s on one busy answering a neighbour's catch-up.
     */
    void makeSearchAtStart(
            @Observes @Initialized(ApplicationScoped.class) Object applicationStarted, NearbySearch search) {
        // Any call on the application-scoped proxy makes the search behind it; toString does nothing else.
        scheduler.execute(search::toString);
    }

    void close(@Disposes NearbySearch search) {
        if (search instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception failure) {
                LOG.log(Level.WARNING, "Places search did not close cleanly", failure);
            }
        }
    }

    /** The provider {@code places.provider} names, undecorated. */
    NearbySearch chosen() {
        PlacesProvider chosen =
                PlacesProvider.of(provider, settings(baseUrl).apiKey().isPresent());
        LOG.info(() -> "Places answers come from the " + chosen.name().toLowerCase(Locale.ROOT) + " provider");
        return switch (chosen) {
            case NEW -> new NewNearbySearch(settings(newBaseUrl), fieldMask, callThreads(maxConcurrent, threads));
            case LEGACY -> new LegacyNearbySearch(settings(baseUrl), callThreads(maxConcurrent, threads));
            case OFFLINE -> new OfflineNearbySearch();
        };
    }

    /**
     * The cache in front, then the count of calls, the bound on calls in flight, and the retries around
     * each call.
     */
    NearbySearch decorated(NearbySearch provider, ScheduledExecutorService timer) {
        PlacesListener told = listener == null ? PlacesListener.NONE : listener;
        NearbySearch retrying = new RetryingSearch(provider, retries, Duration.ofMillis(retryBaseMs), timer);
        NearbySearch bounded = new BoundedSearch(retrying, maxConcurrent);
        NearbySearch counted = new CountingSearch(bounded, told);
        return new CachedSearch(
                counted, cachePrecisionDigits, Duration.ofSeconds(cacheTtlSeconds), cacheMaxEntries, told);
    }

    /**
     * The threads HTTP calls to Places run on. The JAX-RS client holds one for each call's whole length,
     * and at most {@code places.max-concurrent} calls are in flight, so that many threads let every
     * admitted call run at once; idle ones end after a while.
     */
    static ExecutorService callThreads(int count, ThreadFactory factory) {
        return FixedThreads.of(count, IDLE_CALL_THREAD, factory);
    }

    private PlacesSettings settings(String url) {
        return new PlacesSettings(url, apiKey, Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs));
    }
}
