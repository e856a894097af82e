package io.proxyherd.flood;

/**
 * The two ways updates travel between neighbours, each on a queue of its own: live updates, and a
 * returning node's catch-up, which is large and must never hold up a live update behind it.
 */
public enum Lane {
    LIVE,
    CATCH_UP
}
