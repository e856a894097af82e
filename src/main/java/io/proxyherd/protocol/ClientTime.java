package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's POSIX timestamp, exact to the nanosecond, keeping the text as the client wrote it.
 *
 * <p>The natural ordering compares instants only, so it is inconsistent with equals: {@code 1.5} and
 * {@code 1.500000000} compare as equal but are different records.
 */
public record ClientTime(BigDecimal seconds, String text) implements Comparable<ClientTime> {

    private static final Pattern POSIX_SECONDS = Pattern.compile("[0-9]+(?:\\.[0-9]{1,9})?");

    /** Requires {@code text} to be a valid timestamp denoting exactly {@code seconds}. */
    public ClientTime {
        Objects.requireNonNull(seconds, "seconds");
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a POSIX timestamp: " + text);
        }
        BigDecimal parsed = new BigDecimal(text);
        if (parsed.compareTo(seconds) != 0) {
            throw new IllegalArgumentException("seconds " + seconds + " do not match text " + text);
        }
        // Equal texts must give equal records, whatever scale the caller passed.
        seconds = parsed;
    }

    /** Parses unsigned decimal seconds with at most nine fraction digits. */
    public static Optional<ClientTime> parse(String text) {
        return isValid(text) ? Optional.of(new ClientTime(new BigDecimal(text), text)) : Optional.empty();
    }

    @Override
    public int compareTo(ClientTime other) {
        return seconds.compareTo(other.seconds);
    }

    private static boolean isValid(String text) {
        return text != null && POSIX_SECONDS.matcher(text).matches();
    }
}
