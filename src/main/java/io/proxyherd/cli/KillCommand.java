package io.proxyherd.cli;

import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code herd kill NODE}. */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        description = {
            "Kills one node of the running herd at once (SIGKILL), as a crash would: nothing of it shuts down.",
            "Under herd up --restart it is started again, as after any crash; otherwise herd start brings it back."
        })
final class KillCommand extends NodeLifecycleCommand {

    @Override
    String verb() {
        return "kill";
    }

    @Override
    Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
