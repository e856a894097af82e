package io.proxyherd.bench;

import io.proxyherd.support.LineConnection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** When a node answers WHATSAT for a client with an exact AT line: how updates are seen to travel. */
final class Visibility {

    /** Longer than any figure worth printing: a node that has not answered by then never will. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private Visibility() {}

    /**
     * For each sample: an IAMAT at one node, then WHATSAT at another until it answers with that line;
     * stops after {@code samples} or once {@code within} has passed. Returns the sorted times (ns).
     */
    static long[] convergence(int origin, int observer, int samples, Duration within) throws Exception {
        List<Long> times = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (LineConnection reporter = new LineConnection(origin);
                LineConnection asker = new LineConnection(observer)) {
            for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
                String client = "converge-" + System.nanoTime();
                long sent = System.nanoTime();
                String at = reporter.ask(Figures.iamat(client).strip()).strip();
                times.add(awaitAnswered(asker, client, at, 1) - sent);
            }
        }
        return Figures.sorted(times);
    }

    /**
     * Asks WHATSAT for the client every {@code pauseMillis} until the node answers it with the AT line;
     * returns when that line arrived (System.nanoTime).
     */
    static long awaitAnswered(LineConnection asker, String client, String at, long pauseMillis) throws Exception {
        return awaitAnswered(asker, client, at, pauseMillis, PATIENCE);
    }

    /** As above, giving up with a TimeoutException once {@code patience} has passed. */
    static long awaitAnswered(LineConnection asker, String client, String at, long pauseMillis, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            String answer = whatsAt(asker, client);
            if (answer == null) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no answer for " + client + " within " + patience.toSeconds() + " s");
                }
                Thread.sleep(pauseMillis);
                continue;
            }
            long answeredAt = System.nanoTime();
            if (!answer.equals(at)) {
                throw new IllegalStateException("expected " + at + " but got " + answer);
            }
            return answeredAt;
        }
    }

    /** True if the node answers each AT line's client with exactly that line. */
    static boolean answersAll(int port, Collection<String> atLines) throws IOException {
        try (LineConnection asker = new LineConnection(port)) {
            for (String at : atLines) {
                if (!at.equals(whatsAt(asker, clientOf(at)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The AT line the node answers WHATSAT with for the client, null if it answers {@code ?}. */
    static String whatsAt(LineConnection asker, String client) throws IOException {
        asker.write("WHATSAT " + client + " 1 1\n");
        String first = asker.readLine();
        if (first.startsWith("?")) {
            return null;
        }
        asker.readUntil("\n\n");
        return first.strip();
    }

    /** The client id of an AT line ({@code AT server diff client position time}). */
    static String clientOf(String atLine) {
        return atLine.split(" ")[3];
    }
}
