package io.proxyherd.cli;

import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code herd restart NODE}. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = "Stops one node of the running herd cleanly and starts it again; returns once it serves.")
final class RestartCommand extends NodeLifecycleCommand {

    @Override
    String verb() {
        return "restart";
    }

    @Override
    Duration timeout() {
        return Duration.ofMinutes(6);
    }
}
