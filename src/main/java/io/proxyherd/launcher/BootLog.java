package io.proxyherd.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one boot of a node wrote to its log (the file is appended to across restarts; this reads from where it ended
 * when the node was started): whether Payara Micro has finished booting, and if so whether the application deployed.
 *
 * <p>Why the launcher reads this instead of Payara stopping by itself: Payara Micro 6.2025.10 has no switch that
 * stops it when a boot-time deployment fails. Its boot ({@code PayaraMicroImpl.deployAll}) ignores the result of
 * each {@code Deployer.deploy}, logs "Deployed 2 archive(s)" and "ready in", and serves on (payara/Payara#3910 was
 * answered with the health endpoint; #8083, halting on a failed boot command, is open). The application cannot
 * tell either: when its deployment fails none of its code runs. So whoever starts Payara decides, after Payara's
 * own "ready in" line: the application deployed if Payara's list of deployed applications, printed just before
 * that line, names it. The positive check also catches failures whose wording we have never seen.
 */
final class BootLog {

    /** Payara Micro's last line of a boot, deployments done: "Payara Micro 6.2025.10 (build 42) ready in 23,105 (ms)". */
    private static final Pattern BOOTED = Pattern.compile(".*\\bPayara Micro .* ready in [\\d,.]+ \\(ms\\).*");
    /** A line of an exception report: "jakarta.enterprise.inject.spi.DeploymentException: Deployment Failure for ...". */
    private static final Pattern EXCEPTION = Pattern.compile("^(?:Caused by: )?[\\w.$]+(?:Exception|Error): (.+)$");

    private static final int MAX_REASON = 300;
    /** At most this much of the log is read at a time; the rest at the next call. */
    private static final int MAX_READ = 1 << 20;

    /** Where a boot stands. */
    sealed interface Outcome {}

    record Booting() implements Outcome {}

    record Deployed() implements Outcome {}

    record NotDeployed(String reason) implements Outcome {}

    private final Path file;
    private final Scan scan;
    private long position;

    private BootLog(Path file, long start, String application) {
        this.file = file;
        this.position = start;
        this.scan = new Scan(application);
    }

    /** The boot about to start, writing to {@code file}: what the file holds now is an earlier boot's. */
    static BootLog startingAt(Path file, String application) throws IOException {
        return new BootLog(file, Files.isRegularFile(file) ? Files.size(file) : 0, application);
    }

    /**
     * Where this boot stands, as its part of the log says. Reads only what was written since the last call, up to
     * the last complete line; once the boot is over the outcome no longer changes and the log is not read again.
     */
    synchronized Outcome outcome() {
        if (scan.over()) {
            return scan.outcome();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(position);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.max(0, channel.size() - position), MAX_READ));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill what is there
            }
            int end = buffer.position();
            while (end > 0 && buffer.get(end - 1) != '\n') {
                end--;
            }
            new String(buffer.array(), 0, end, StandardCharsets.UTF_8).lines().forEach(scan::line);
            position += end;
        } catch (NoSuchFileException e) {
            // Payara has not written anything yet
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return scan.outcome();
    }

    /** The rule, for lines of one boot. */
    static Outcome outcome(List<String> lines, String application) {
        Scan scan = new Scan(application);
        lines.forEach(scan::line);
        return scan.outcome();
    }

    /** What the lines of one boot have said so far, line by line. */
    private static final class Scan {

        private final String application;
        private final String listed;
        private boolean booted;
        private boolean deployed;
        private boolean severe;
        private String reason;
        private boolean reasonFound;

        Scan(String application) {
            this.application = application;
            this.listed = "\"Name\": \"" + application + "\"";
        }

        void line(String line) {
            if (booted) {
                return;
            }
            if (BOOTED.matcher(line).matches()) {
                booted = true;
            } else if (line.strip().startsWith(listed)) {
                deployed = true;
            } else if (!severe) {
                severe = line.contains(" SEVERE ");
            } else if (!reasonFound) {
                // The innermost message of the first error's exception: the line just above its first stack frame.
                Matcher exception = EXCEPTION.matcher(line.strip());
                if (exception.matches()) {
                    reason = exception.group(1).strip();
                } else if (line.startsWith("\tat ")) {
                    reasonFound = true;
                }
            }
        }

        boolean over() {
            return booted;
        }

        Outcome outcome() {
            if (!booted) {
                return new Booting();
            }
            if (deployed) {
                return new Deployed();
            }
            String why = reason == null
                    ? "Payara logged no reason"
                    : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
            return new NotDeployed(application + " did not deploy: " + why);
        }
    }
}
