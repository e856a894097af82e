package io.proxyherd.places;

import java.util.Set;

/** Google's statuses of a Nearby Search answer, and which of them are a success and which worth a retry. */
final class PlacesStatus {

    static final String OK = "OK";
    static final String ZERO_RESULTS = "ZERO_RESULTS";
    static final String UNKNOWN_ERROR = "UNKNOWN_ERROR";
    static final String REQUEST_DENIED = "REQUEST_DENIED";
    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String OVER_QUERY_LIMIT = "OVER_QUERY_LIMIT";

    // ZERO_RESULTS is an answer, not a failure: Google found nothing there.
    static final Set<String> SUCCESS = Set.of(OK, ZERO_RESULTS);
    // Providers turn HTTP 5xx, 429, timeouts and I/O errors into UNKNOWN_ERROR or OVER_QUERY_LIMIT.
    static final Set<String> TRANSIENT = Set.of(UNKNOWN_ERROR, OVER_QUERY_LIMIT);

    private PlacesStatus() {}
}
