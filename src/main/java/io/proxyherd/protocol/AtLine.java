package io.proxyherd.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An AT line: what a server said about a client's IAMAT.
 *
 * <p>The natural ordering ranks records by how current they are: {@code a.compareTo(b) > 0} exactly when
 * {@code a.supersedes(b)}, so the maximum of any set of records for one client is the one every node keeps.
 *
 * <p>The line keeps its text, made once: a node stores, compares, sends and logs the text of every update it
 * handles, and making it again at each of these was a large part of what a node allocated under load. Two
 * lines are equal exactly when their texts are, since the text holds every field verbatim.
 */
public final class AtLine implements Comparable<AtLine> {

    static final String COMMAND = "AT";

    private static final int FIELD_COUNT = 6;
    private static final int NANO_DIGITS = 9;

    private final String server;
    private final String timeDifference;
    private final String clientId;
    private final Position position;
    private final ClientTime clientTime;
    private final String text;

    public AtLine(String server, String timeDifference, String clientId, Position position, ClientTime clientTime) {
        this(server, timeDifference, clientId, position, clientTime, null);
    }

    /** {@code text}, when given, is the line these fields were split from, with single spaces. */
    private AtLine(
            String server,
            String timeDifference,
            String clientId,
            Position position,
            ClientTime clientTime,
            String text) {
        Fields.requireField(server, "server");
        if (!isTimeDifference(timeDifference)) {
            throw new IllegalArgumentException("not a time difference: " + timeDifference);
        }
        Fields.requireField(clientId, "client id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(clientTime, "clientTime");
        this.server = server;
        this.timeDifference = timeDifference;
        this.clientId = clientId;
        this.position = position;
        this.clientTime = clientTime;
        this.text = text != null
                ? text
                : String.join(" ", COMMAND, server, timeDifference, clientId, position.text(), clientTime.text());
    }

    public String server() {
        return server;
    }

    public String timeDifference() {
        return timeDifference;
    }

    public String clientId() {
        return clientId;
    }

    public Position position() {
        return position;
    }

    public ClientTime clientTime() {
        return clientTime;
    }

    /** The AT line {@code server} produces for {@code iamat} received at {@code received}. */
    public static AtLine stamp(String server, Instant received, IAmAt iamat) {
        return new AtLine(
                server,
                TimeDifference.between(received, iamat.time()),
                iamat.clientId(),
                iamat.position(),
                iamat.time());
    }

    /** Parses an AT line as it travels between servers: {@code AT server diff client position time}. */
    public static Optional<AtLine> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        List<String> fields = Fields.split(line);
        if (fields.size() != FIELD_COUNT || !fields.get(0).equals(COMMAND) || !isTimeDifference(fields.get(2))) {
            return Optional.empty();
        }
        return Position.parse(fields.get(4))
                .flatMap(position -> ClientTime.parse(fields.get(5))
                        .map(time -> new AtLine(
                                fields.get(1),
                                fields.get(2),
                                fields.get(3),
                                position,
                                time,
                                Fields.isSingleSpaced(line) ? line : null)));
    }

    /** The line without terminator, fields separated by single spaces, client fields as the client wrote them. */
    public String text() {
        return text;
    }

    /** {@link #text()} followed by a newline, as sent to the client. */
    public String reply() {
        return text() + "\n";
    }

    /**
     * True if this line should replace {@code current} as the client's record: strictly newer client time wins;
     * on equal client time the lexicographically smaller {@link #text()} wins, so every node converges to the same
     * record whatever order the lines arrive in; identical lines give false. Both lines should be about one client.
     */
    public boolean supersedes(AtLine current) {
        return compareTo(current) > 0;
    }

    /**
     * The same as {@link #compareTo} with the line whose {@link #text()} is {@code otherText}, reading only its
     * client time (the last field): what a store that keeps lines as text compares with.
     *
     * @throws IllegalArgumentException if {@code otherText} does not end in a client time
     */
    public int compareToText(String otherText) {
        // Read in place: this runs for every update a node is offered.
        int timeStart = otherText.lastIndexOf(' ') + 1;
        if (Decimals.unsignedEnd(otherText, timeStart, NANO_DIGITS) != otherText.length()) {
            throw new IllegalArgumentException("not a POSIX timestamp: " + otherText.substring(timeStart));
        }
        String time = clientTime.text();
        int byTime = Decimals.compare(time, 0, time.length(), otherText, timeStart, otherText.length());
        if (byTime != 0) {
            return byTime;
        }
        return otherText.compareTo(text());
    }

    /**
     * The client time of the line whose {@link #text()} is {@code text}, read from its last field alone.
     *
     * @throws IllegalArgumentException if {@code text} does not end in a client time
     */
    public static ClientTime clientTimeOf(String text) {
        return new ClientTime(text.substring(text.lastIndexOf(' ') + 1));
    }

    /**
     * The client id of the line whose {@link #text()} is {@code text}, its fourth field.
     *
     * @throws IllegalArgumentException if {@code text} has fewer than five fields
     */
    public static String clientIdOf(String text) {
        int start = clientIdStart(text);
        int end = text.indexOf(' ', start);
        if (end < 0) {
            throw new IllegalArgumentException("not an AT line: " + text);
        }
        return text.substring(start, end);
    }

    private static int clientIdStart(String text) {
        int space = text.indexOf(' ');
        for (int field = 1; field < 3 && space >= 0; field++) {
            space = text.indexOf(' ', space + 1);
        }
        if (space < 0) {
            throw new IllegalArgumentException("not an AT line: " + text);
        }
        return space + 1;
    }

    @Override
    public int compareTo(AtLine other) {
        int byTime = clientTime.compareTo(other.clientTime);
        if (byTime != 0) {
            return byTime;
        }
        // Reversed on purpose: the smaller text is the more current record.
        return other.text().compareTo(text());
    }

    /** Exactly what {@link #stamp} produces: an explicit sign, no superfluous leading zeros, nine fraction digits. */
    private static boolean isTimeDifference(String text) {
        if (text == null || text.isEmpty() || (text.charAt(0) != '+' && text.charAt(0) != '-')) {
            return false;
        }
        int point = Decimals.digitsEnd(text, 1);
        boolean integerDigits = point == 2 || (point > 2 && text.charAt(1) != '0');
        return integerDigits
                && point < text.length()
                && text.charAt(point) == '.'
                && Decimals.digitsEnd(text, point + 1) == text.length()
                && text.length() - point - 1 == NANO_DIGITS;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AtLine line && text.equals(line.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "AtLine[" + text + "]";
    }
}
