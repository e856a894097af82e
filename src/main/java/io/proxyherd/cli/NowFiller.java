package io.proxyherd.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills in {@code now} as an IAMAT's time with the current POSIX time, to the nanosecond. */
public final class NowFiller {

    // Java's \s is exactly the protocol's whitespace: space, tab, CR, LF, form feed, vertical tab.
    private static final Pattern IAMAT_NOW = Pattern.compile("(\\s*IAMAT\\s+\\S+\\s+\\S+\\s+)now(\\s*)");

    private NowFiller() {}

    /** The line with its time field replaced if it is an IAMAT whose time is {@code now}; any other line as it is. */
    public static String fill(String line, Instant now) {
        Matcher matcher = IAMAT_NOW.matcher(line);
        return matcher.matches() ? matcher.group(1) + posixSeconds(now) + matcher.group(2) : line;
    }

    /** Seconds since the epoch with nine fraction digits, as the protocol's times are written. */
    static String posixSeconds(Instant time) {
        return String.format(Locale.ROOT, "%d.%09d", time.getEpochSecond(), time.getNano());
    }
}
