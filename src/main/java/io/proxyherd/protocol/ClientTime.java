package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A client's POSIX timestamp, exact to the nanosecond: unsigned decimal seconds with at most nine fraction
 * digits, kept as the text the client wrote.
 *
 * <p>The natural ordering compares instants only, so it is inconsistent with equals: {@code 1.5} and
 * {@code 1.500000000} compare as equal but are different records.
 */
public record ClientTime(String text) implements Comparable<ClientTime> {

    private static final int MAX_FRACTION_DIGITS = 9;

    public ClientTime {
        if (!isValid(text)) {
            throw new IllegalArgumentException("not a POSIX timestamp: " + text);
        }
    }

    /** Parses unsigned decimal seconds with at most nine fraction digits. */
    public static Optional<ClientTime> parse(String text) {
        return isValid(text) ? Optional.of(new ClientTime(text)) : Optional.empty();
    }

    /** The seconds, exactly. */
    public BigDecimal seconds() {
        return new BigDecimal(text);
    }

    @Override
    public int compareTo(ClientTime other) {
        return Decimals.compare(text, 0, text.length(), other.text, 0, other.text.length());
    }

    private static boolean isValid(String text) {
        return text != null && Decimals.unsignedEnd(text, 0, MAX_FRACTION_DIGITS) == text.length();
    }
}
