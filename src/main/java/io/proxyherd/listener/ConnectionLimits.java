package io.proxyherd.listener;

import java.time.Duration;

/**
 * The limits every client connection lives within, so that one client can hurt no other.
 *
 * @param maxConnections connections open at once; more are closed as soon as they open
 * @param maxConnectionsPerAddress of those, from one remote address
 * @param maxLineBytes a line's length, without its newline; a longer one closes its connection
 * @param lineTimeout how long a line may take from its first byte to its newline (a slow writer holds a
 *     connection and a buffer for no one else)
 * @param idleTimeout how long a connection may stay without reading or writing anything
 * @param maxUnreadReplyBytes replies a client may leave unread in the node's memory (what its socket has not
 *     taken yet) before its connection is closed
 * @param acceptBacklog connections the operating system holds while they wait to be accepted
 * @param maxUnansweredLines lines a connection may have read ahead of their answers; at this many it is read no
 *     further until half of them are answered (a client that only writes cannot make the node queue without end)
 */
record ConnectionLimits(
        int maxConnections,
        int maxConnectionsPerAddress,
        int maxLineBytes,
        Duration lineTimeout,
        Duration idleTimeout,
        int maxUnreadReplyBytes,
        int acceptBacklog,
        int maxUnansweredLines) {

    ConnectionLimits {
        if (maxConnections < 1 || maxConnectionsPerAddress < 1 || maxLineBytes < 1 || maxUnreadReplyBytes < 16) {
            throw new IllegalArgumentException(
                    "connection limits must be positive (unread reply bytes at least 16): " + maxConnections + ", "
                            + maxConnectionsPerAddress + ", " + maxLineBytes + ", " + maxUnreadReplyBytes);
        }
        if (acceptBacklog < 1 || maxUnansweredLines < 2) {
            throw new IllegalArgumentException("the accept backlog must be positive and unanswered lines at least 2: "
                    + acceptBacklog + ", " + maxUnansweredLines);
        }
        if (lineTimeout.isNegative() || lineTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "timeouts must be positive: line " + lineTimeout + ", idle " + idleTimeout);
        }
    }
}
