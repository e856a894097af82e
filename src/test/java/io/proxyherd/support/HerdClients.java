package io.proxyherd.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A client of a running herd's nodes, by client port: IAMAT now, WHATSAT, and waiting until a node knows a client. */
public final class HerdClients {

    private HerdClients() {}

    /** Reports a client at the node now; returns the AT line it answered (which must come from that node). */
    public static String iamat(int port, String node, String client) throws IOException {
        try (LineConnection connection = new LineConnection(port)) {
            String reply = connection
                    .ask("IAMAT " + client + " +34.068930-118.445127 " + now())
                    .strip();
            if (!reply.startsWith("AT " + node + " ")) {
                throw new AssertionError(node + " answered '" + reply + "' to an IAMAT for " + client);
            }
            return reply;
        }
    }

    /** The node's reply to a WHATSAT for the client: the AT line and places, or one "?" line if it knows none. */
    public static String whatsat(int port, String client) throws IOException {
        try (LineConnection connection = new LineConnection(port)) {
            connection.write("WHATSAT " + client + " 1 1\n");
            String first = connection.readLine();
            return first.startsWith("?") ? first : first + connection.readUntil("\n\n");
        }
    }

    /** Waits until the node answers a WHATSAT for the client with that AT line. */
    public static void awaitKnown(int port, String client, String atLine, Duration atMost) {
        await("the node on " + port + " knows " + client)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> whatsat(port, client), reply -> reply.startsWith(atLine + "\n"));
    }

    private static String now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + "." + String.format(Locale.ROOT, "%09d", now.getNano());
    }
}
