package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The time difference of an AT line: the receive time minus the client's, exact to the nanosecond, with an
 * explicit sign and nine fraction digits. Worked out in whole seconds and nanoseconds when the client's
 * seconds fit in a long, as every real clock's do; {@link BigDecimal} only for longer ones. Every IAMAT is
 * stamped, and the decimal arithmetic was about a tenth of what a busy node allocated.
 */
final class TimeDifference {

    private static final int NANO_DIGITS = 9;
    private static final int NANOS_PER_SECOND = 1_000_000_000;
    /** Whole seconds of at most this many digits fit in a long, whatever the receive time. */
    private static final int LONG_SECOND_DIGITS = 18;

    private TimeDifference() {}

    static String between(Instant received, ClientTime client) {
        String text = client.text();
        int point = text.indexOf('.');
        int secondsEnd = point < 0 ? text.length() : point;
        if (secondsEnd > LONG_SECOND_DIGITS) {
            return exact(received, client);
        }
        long seconds = received.getEpochSecond() - Long.parseLong(text, 0, secondsEnd, 10);
        long nanos = received.getNano() - (point < 0 ? 0 : nanosOf(text, point + 1));
        if (seconds > 0 && nanos < 0) {
            seconds--;
            nanos += NANOS_PER_SECOND;
        } else if (seconds < 0 && nanos > 0) {
            seconds++;
            nanos -= NANOS_PER_SECOND;
        }
        boolean negative = seconds < 0 || (seconds == 0 && nanos < 0);
        String fraction = Long.toString(Math.abs(nanos));
        return (negative ? "-" : "+") + Math.abs(seconds) + "." + "0".repeat(NANO_DIGITS - fraction.length())
                + fraction;
    }

    /** The fraction digits from {@code from} to the end (one to nine of them), as nanoseconds. */
    private static long nanosOf(String text, int from) {
        long nanos = Long.parseLong(text, from, text.length(), 10);
        for (int digits = text.length() - from; digits < NANO_DIGITS; digits++) {
            nanos *= 10;
        }
        return nanos;
    }

    static String exact(Instant received, ClientTime client) {
        BigDecimal receivedSeconds =
                BigDecimal.valueOf(received.getEpochSecond()).add(BigDecimal.valueOf(received.getNano(), NANO_DIGITS));
        // Client times have at most nine fraction digits, so this scale change never actually rounds.
        BigDecimal difference =
                receivedSeconds.subtract(client.seconds()).setScale(NANO_DIGITS, RoundingMode.HALF_EVEN);
        return (difference.signum() < 0 ? "-" : "+") + difference.abs().toPlainString();
    }
}
