package io.proxyherd.activity;

import java.util.List;

/**
 * What the node counts: client lines by kind, connections refused or cut for breaking a limit, flood messages in
 * and out, Places calls and cache lookups, log records dropped.
 */
public enum Count {
    IAMAT("iamat", "herd_iamat"),
    WHATSAT("whatsat", "herd_whatsat"),
    INVALID("invalid", "herd_invalid_lines"),
    /** Connections closed as soon as they opened: over the node's or their address's limit. */
    CONNECTIONS_REFUSED("connectionsRefused", "herd_connections_refused"),
    /** Connections closed for a line over the length limit. */
    CUT_LINE_TOO_LONG("cutLineTooLong", "herd_connections_cut_line_too_long"),
    /** Connections closed for a line left unfinished past the line timeout. */
    CUT_LINE_TOO_SLOW("cutLineTooSlow", "herd_connections_cut_line_too_slow"),
    /** Connections closed for leaving more replies unread than the limit. */
    CUT_REPLIES_UNREAD("cutRepliesUnread", "herd_connections_cut_replies_unread"),
    FLOOD_IN("floodIn", "herd_flood_in"),
    /** Flood messages this node could not read, counted at their first delivery (see {@link UnreadableMessage}). */
    FLOOD_UNREADABLE("floodUnreadable", "herd_flood_unreadable"),
    FLOOD_OUT("floodOut", "herd_flood_out"),
    /** JMS messages sent to neighbours' queues, each carrying a batch of updates. */
    FLOOD_MESSAGES_OUT("floodMessagesOut", "herd_flood_messages_out"),
    /** Bytes of those messages' bodies. */
    FLOOD_BYTES_OUT("floodBytesOut", "herd_flood_bytes_out"),
    PLACES_CALLS("placesCalls", "herd_places_calls"),
    CACHE_HITS("cacheHits", "herd_places_cache_hits"),
    CACHE_MISSES("cacheMisses", "herd_places_cache_misses"),
    PLACES_FAILURES("placesFailures", "herd_places_failures"),
    /** The node's own log records dropped because the log's buffer was full (see io.proxyherd.logging). */
    LOG_DROPPED("logDropped", "herd_log_dropped");

    /** The counts the API gives rates and a history of. */
    public static final List<Count> FLOWS = List.of(IAMAT, WHATSAT, INVALID, FLOOD_IN, FLOOD_OUT);

    private final String key;
    private final String metric;

    Count(String key, String metric) {
        this.key = key;
        this.metric = metric;
    }

    /** The name the JSON API uses. */
    public String key() {
        return key;
    }

    /** The MicroProfile Metrics counter's name (Prometheus adds {@code _total}). */
    public String metric() {
        return metric;
    }
}
