package io.proxyherd.cli;

import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code herd stop NODE}. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = {
            "Stops one node of the running herd cleanly (Payara shuts down); the other nodes keep serving.",
            "It stays down, even under herd up --restart, until herd start or herd restart."
        })
final class StopCommand extends NodeLifecycleCommand {

    @Override
    String verb() {
        return "stop";
    }

    @Override
    Duration timeout() {
        return Duration.ofMinutes(1);
    }
}
