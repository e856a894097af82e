package io.proxyherd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLineFormatterTest {

    /** server-config/logging.properties' SimpleFormatter pattern, which the node's lines have always had. */
    private static final String PATTERN = "%1$tFT%1$tT.%1$tL%1$tz %4$s [%3$s] %5$s%6$s%n";

    private static final String N = System.lineSeparator();

    @Test
    void aLineIsTheDateTimeWithMillisAndOffsetThenLevelLoggerAndMessage() {
        LogRecord record = record(
                Level.INFO,
                "io.proxyherd.listener.ClientSession",
                "/127.0.0.1:41234 < IAMAT kiwi +1+1 1",
                "2018-03-02T20:52:14.918963997Z");

        assertThat(new LogLineFormatter(ZoneId.of("America/Los_Angeles")).format(record))
                .isEqualTo(
                        "2018-03-02T12:52:14.918-0800 INFO [io.proxyherd.listener.ClientSession] /127.0.0.1:41234 < IAMAT kiwi +1+1 1"
                                + N);
    }

    @Test
    void aThrowableFollowsTheMessageOnItsOwnLines() {
        LogRecord record =
                record(Level.WARNING, "io.proxyherd.herd.FloodOutbox", "send failed", "2026-01-05T09:00:00.007Z");
        IOException failure = new IOException("broker gone");
        record.setThrown(failure);

        String line = new LogLineFormatter(ZoneId.of("UTC")).format(record);

        assertThat(line)
                .startsWith("2026-01-05T09:00:00.007+0000 WARNING [io.proxyherd.herd.FloodOutbox] send failed" + N
                        + "java.io.IOException: broker gone" + N + "\tat ");
        assertThat(line).isEqualTo(simpleFormatterLine(record, ZoneId.of("UTC")));
    }

    @Test
    void parametersAreFilledInAsByAnyJulFormatter() {
        LogRecord record = record(
                Level.INFO, "io.proxyherd.herd.CatchUp", "answered {0} with {1} updates", "2026-01-05T09:00:00Z");
        record.setParameters(new Object[] {"Beta", 3});

        assertThat(new LogLineFormatter(ZoneId.of("UTC")).format(record))
                .isEqualTo("2026-01-05T09:00:00.000+0000 INFO [io.proxyherd.herd.CatchUp] answered Beta with 3 updates"
                        + N);
    }

    /** Whole and half-hour offsets both ways, a daylight-saving change, each millisecond width, a leap day. */
    @ParameterizedTest
    @CsvSource({
        "UTC, 1970-01-01T00:00:00Z",
        "UTC, 2024-02-29T23:59:59.999Z",
        "Europe/Paris, 2026-03-29T00:59:59.999Z",
        "Europe/Paris, 2026-03-29T01:00:00.001Z",
        "Asia/Kolkata, 2026-07-01T12:00:00.05Z",
        "America/St_Johns, 2026-11-01T03:30:00.5Z",
        "Pacific/Chatham, 2026-06-30T23:59:59.123Z",
    })
    void linesAreThoseOfTheSimpleFormatterPattern(String zone, String instant) {
        LogLineFormatter formatter = new LogLineFormatter(ZoneId.of(zone));
        LogRecord record = record(Level.SEVERE, "PayaraMicro", "text with 100% and {braces}", instant);

        assertThat(formatter.format(record)).isEqualTo(simpleFormatterLine(record, ZoneId.of(zone)));
    }

    @Test
    void formatToAppendsExactlyTheLineFormatReturns() {
        LogLineFormatter formatter = new LogLineFormatter(ZoneId.of("UTC"));
        LogRecord record =
                record(Level.WARNING, "io.proxyherd.herd.FloodOutbox", "sent to [Hands]", "2026-01-05T09:00:00.007Z");
        StringBuilder lines = new StringBuilder("before\n");

        formatter.formatTo(record, lines);

        assertThat(lines.toString()).isEqualTo("before\n" + formatter.format(record));
    }

    @Test
    void recordsOutOfOrderAcrossASecondKeepTheirOwnSecond() {
        LogLineFormatter formatter = new LogLineFormatter(ZoneId.of("UTC"));

        String later = formatter.format(record(Level.INFO, "a", "later", "2026-01-05T09:00:01.001Z"));
        String earlier = formatter.format(record(Level.INFO, "a", "earlier", "2026-01-05T09:00:00.999Z"));

        assertThat(later).startsWith("2026-01-05T09:00:01.001+0000 ");
        assertThat(earlier).startsWith("2026-01-05T09:00:00.999+0000 ");
    }

    private static LogRecord record(Level level, String logger, String message, String instant) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.parse(instant));
        return record;
    }

    /** What java.util.logging.SimpleFormatter writes for the pattern, with the same arguments it passes. */
    private static String simpleFormatterLine(LogRecord record, ZoneId zone) {
        String throwable = "";
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter writer = new PrintWriter(trace)) {
                writer.println();
                record.getThrown().printStackTrace(writer);
            }
            throwable = trace.toString();
        }
        return String.format(
                PATTERN,
                ZonedDateTime.ofInstant(record.getInstant(), zone),
                record.getSourceClassName(),
                record.getLoggerName(),
                record.getLevel().getLocalizedName(),
                new LogLineFormatter(zone).formatMessage(record),
                throwable);
    }
}
