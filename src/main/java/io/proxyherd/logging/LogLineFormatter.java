package io.proxyherd.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One record as one line, laid out as the node's logging.properties lays out Payara's own lines
 * ({@code %1$tFT%1$tT.%1$tL%1$tz %4$s [%3$s] %5$s%6$s%n}: date-time with milliseconds and zone offset, level,
 * logger, message, then the stack trace if any), without {@code String.format} per record: the date and
 * time to the second and the offset are worked out once per second.
 */
public final class LogLineFormatter extends Formatter {

    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;
    private volatile Second current = new Second(Long.MIN_VALUE, "", "");
    private volatile LevelName lastLevel = new LevelName(null, "");

    /** The start of a line for every record in one second. */
    private record Second(long epochSecond, String dateTime, String offset) {

        static Second of(long epochSecond, ZoneId zone) {
            ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
            return new Second(
                    epochSecond,
                    LocalDateTime.ofEpochSecond(epochSecond, 0, offset).format(TO_THE_SECOND),
                    rfc822(offset));
        }

        /** As {@code %tz} writes it: +hhmm, seconds left out. */
        private static String rfc822(ZoneOffset offset) {
            int minutes = Math.abs(offset.getTotalSeconds()) / 60;
            int hhmm = minutes / 60 * 100 + minutes % 60;
            String digits = Integer.toString(hhmm);
            return (offset.getTotalSeconds() < 0 ? "-" : "+") + "0".repeat(4 - digits.length()) + digits;
        }
    }

    /**
     * A level with its localized name, kept: {@link Level#getLocalizedName} locks the level and compares locales
     * at every call, which showed in a busy node's profile.
     */
    private record LevelName(Level level, String name) {}

    public LogLineFormatter() {
        this(ZoneId.systemDefault());
    }

    public LogLineFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        formatTo(record, line);
        return line.toString();
    }

    /** Appends what {@link #format} returns to {@code lines}, without making it a string of its own first. */
    public void formatTo(LogRecord record, StringBuilder lines) {
        Instant instant = record.getInstant();
        Second second = current;
        if (second.epochSecond() != instant.getEpochSecond()) {
            second = Second.of(instant.getEpochSecond(), zone);
            current = second;
        }
        int millis = instant.getNano() / 1_000_000;
        lines.append(second.dateTime()).append('.');
        if (millis < 100) {
            lines.append(millis < 10 ? "00" : "0");
        }
        lines.append(millis)
                .append(second.offset())
                .append(' ')
                .append(levelName(record.getLevel()))
                .append(" [")
                .append(record.getLoggerName())
                .append("] ")
                .append(formatMessage(record));
        if (record.getThrown() != null) {
            lines.append(stackTrace(record.getThrown()));
        }
        lines.append(System.lineSeparator());
    }

    private String levelName(Level level) {
        LevelName last = lastLevel;
        if (last.level() != level) {
            last = new LevelName(level, level.getLocalizedName());
            lastLevel = last;
        }
        return last.name();
    }

    /** As SimpleFormatter writes it: a line break, then the trace. */
    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            writer.println();
            thrown.printStackTrace(writer);
        }
        return trace.toString();
    }
}
