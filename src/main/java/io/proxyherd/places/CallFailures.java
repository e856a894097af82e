package io.proxyherd.places;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * What the HTTP providers share about a call that did not get an answer from Google: timeouts, an
 * unreachable host or anything unexpected become the error reply, and failures are logged once, with
 * the key redacted.
 */
final class CallFailures {

    private final PlacesSettings settings;
    private final KeyRedaction redaction;
    private final long deadlineMillis;
    private final Logger log;

    CallFailures(PlacesSettings settings, KeyRedaction redaction, long deadlineMillis, Logger log) {
        this.settings = settings;
        this.redaction = redaction;
        this.deadlineMillis = deadlineMillis;
        this.log = log;
    }

    /**
     * A provider's call, bounded by the deadline and settled into the answer: Google's answer of
     * any status goes through {@code fromGoogle(status, body)}, a call without an answer becomes the
     * error reply, and a failure is logged once.
     */
    CompletionStage<PlacesAnswer> settle(
            CompletionStage<String> call,
            BiFunction<Integer, String, PlacesAnswer> fromGoogle,
            String method,
            String url) {
        return call.toCompletableFuture()
                .orTimeout(deadlineMillis, TimeUnit.MILLISECONDS)
                // A String arrives only for a 2xx; any other status as a WebApplicationException.
                .handle((body, failure) -> report(
                        failure == null ? fromGoogle.apply(200, body) : failed(unwrap(failure), fromGoogle),
                        method,
                        url))
                .exceptionally(failure -> report(unexpected(failure), method, url));
    }

    private PlacesAnswer failed(Throwable failure, BiFunction<Integer, String, PlacesAnswer> fromGoogle) {
        if (failure instanceof WebApplicationException rejected) {
            Response response = rejected.getResponse();
            return fromGoogle.apply(response.getStatus(), entity(response));
        }
        return withoutAnswer(failure);
    }

    /** The reply for a call that ended without an HTTP answer (the failure already unwrapped). */
    PlacesAnswer withoutAnswer(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return timedOut(deadlineMillis);
        }
        Optional<SocketTimeoutException> timeout = cause(failure, SocketTimeoutException.class);
        if (timeout.isPresent()) {
            String message = String.valueOf(timeout.get().getMessage()).toLowerCase(Locale.ROOT);
            return timedOut(
                    message.contains("connect")
                            ? settings.connectTimeout().toMillis()
                            : settings.readTimeout().toMillis());
        }
        Optional<IOException> io = cause(failure, IOException.class);
        if (failure instanceof ProcessingException && io.isPresent()) {
            return PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "Places unreachable: " + describe(io.get()));
        }
        return unexpected(failure);
    }

    PlacesAnswer unexpected(Throwable failure) {
        return PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "Places request failed: " + describe(unwrap(failure)));
    }

    /** Logs a failed call once; the stack trace is left out, since client exception text may quote the request. */
    PlacesAnswer report(PlacesAnswer reply, String method, String url) {
        reply.problem().ifPresent(problem -> log.warning("Places " + method + " " + url + " failed: " + problem));
        return reply;
    }

    private PlacesAnswer timedOut(long millis) {
        return PlacesAnswer.error(PlacesStatus.UNKNOWN_ERROR, "Places request timed out after " + millis + " ms");
    }

    private String describe(Throwable failure) {
        String message = failure.getMessage();
        return redaction.apply(failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    static String entity(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static CompletionStage<PlacesAnswer> answered(PlacesAnswer reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }
}
