package io.proxyherd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /** Where a boot stands. */
    sealed interface Outcome {}

    record Booting() implements Outcome {}

    record Deployed() implements Outcome {}

    record NotDeployed(String reason) implements Outcome {}

    private final Path file;
    private final long start;
    // Once the boot is over its outcome no longer changes, and the log only grows: read it no more.
    private volatile Outcome settled;

    private BootLog(Path file, long start) {
        this.file = file;
        this.start = start;
    }

    /** The boot about to start, writing to {@code file}: what the file holds now is an earlier boot's. */
    static BootLog startingAt(Path file) throws IOException {
        return new BootLog(file, Files.isRegularFile(file) ? Files.size(file) : 0);
    }

    /** Where this boot stands, as its part of the log says, for the application archive named {@code application}. */
    Outcome outcome(String application) {
        if (settled != null) {
            return settled;
        }
        Outcome outcome = outcome(lines(), application);
        if (!(outcome instanceof Booting)) {
            settled = outcome;
        }
        return outcome;
    }

    private List<String> lines() {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(start, Files.size(file)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rule, for lines of one boot. */
    static Outcome outcome(List<String> lines, String application) {
        if (lines.stream().noneMatch(line -> BOOTED.matcher(line).matches())) {
            return new Booting();
        }
        String listed = "\"Name\": \"" + application + "\"";
        if (lines.stream().anyMatch(line -> line.strip().startsWith(listed))) {
            return new Deployed();
        }
        return new NotDeployed(application + " did not deploy: " + reason(lines).orElse("Payara logged no reason"));
    }

    /** The innermost message of the first exception report: the line just above its first stack frame. */
    private static Optional<String> reason(List<String> lines) {
        String last = null;
        for (String line : lines) {
            if (line.startsWith("\tat ") && last != null) {
                break;
            }
            Matcher exception = EXCEPTION.matcher(line.strip());
            if (exception.matches()) {
                last = exception.group(1).strip();
            }
        }
        return Optional.ofNullable(last).map(reason -> reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
    }
}
