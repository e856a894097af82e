package io.proxyherd.cli;

import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code herd start NODE}. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a stopped, killed or dead node of the running herd and returns once it serves.",
            "It learns the clients it missed from its neighbours."
        })
final class StartCommand extends NodeLifecycleCommand {

    @Override
    String verb() {
        return "start";
    }

    @Override
    Duration timeout() {
        return Duration.ofMinutes(5);
    }
}
