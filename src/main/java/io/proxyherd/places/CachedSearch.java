package io.proxyherd.places;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Keeps successful answers for a while, keyed by the position rounded to a grid, the radius and the count. */
public final class CachedSearch implements NearbySearch, AutoCloseable {

    private final NearbySearch delegate;
    private final int precisionDigits;
    private final AsyncCache<Key, PlacesAnswer> answers;
    private final PlacesListener listener;

    private record Key(BigDecimal latitude, BigDecimal longitude, BigDecimal radiusMetres, int maxResults) {}

    /**
     * @param precisionDigits decimal places kept of each coordinate: 3 makes cells about 100 m across
     */
    public CachedSearch(NearbySearch delegate, int precisionDigits, Duration ttl, long maxEntries) {
        this(delegate, precisionDigits, ttl, maxEntries, PlacesListener.NONE);
    }

    /** As above, telling {@code listener} of every lookup, hit or miss. */
    public CachedSearch(
            NearbySearch delegate, int precisionDigits, Duration ttl, long maxEntries, PlacesListener listener) {
        this(delegate, precisionDigits, ttl, maxEntries, Ticker.systemTicker(), listener);
    }

    CachedSearch(
            NearbySearch delegate,
            int precisionDigits,
            Duration ttl,
            long maxEntries,
            Ticker ticker,
            PlacesListener listener) {
        if (precisionDigits < 0 || precisionDigits > 10) {
            throw new IllegalArgumentException("precision must be 0 to 10 digits, was " + precisionDigits);
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.precisionDigits = precisionDigits;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(ticker)
                // Maintenance on the caller's thread: no common-pool threads inside the container.
                .executor(Runnable::run)
                .buildAsync();
    }

    @Override
    public CompletionStage<PlacesAnswer> search(PlacesQuery query) {
        Key key = new Key(
                rounded(query.latitude()),
                rounded(query.longitude()),
                query.radiusMetres().stripTrailingZeros(),
                query.maxResults());
        // Concurrent misses for one key share this one call. The loader runs on this thread, on a miss only.
        boolean[] missed = new boolean[1];
        CompletableFuture<PlacesAnswer> answer = answers.get(key, (unused, executor) -> {
            missed[0] = true;
            // Told before the call starts, so a listener hears of the miss before the call's outcome.
            listener.cacheLookup(false);
            return Safely.call(() -> delegate.search(query));
        });
        if (!missed[0]) {
            listener.cacheLookup(true);
        }
        return answer.thenApply(got -> {
            if (!got.isSuccess()) {
                // Only this failed call leaves; a newer entry under the key stays.
                answers.asMap().remove(key, answer);
            }
            return got;
        });
    }

    private BigDecimal rounded(BigDecimal degrees) {
        return degrees.setScale(precisionDigits, RoundingMode.HALF_UP);
    }

    /** Closes the search this one wraps, after forgetting every answer. */
    @Override
    public void close() throws Exception {
        answers.synchronous().invalidateAll();
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
