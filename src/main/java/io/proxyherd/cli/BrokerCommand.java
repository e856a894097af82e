package io.proxyherd.cli;

import io.proxyherd.launcher.BrokerOnly;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code herd broker}: the launcher's BrokerOnly, for the herd of {@code --config}. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs only the herd's Artemis broker, on the host and port of the configuration, with the same "
                + "journal and settings as in herd up, until Ctrl-C.",
                "Nodes elsewhere join it with: herd node NAME --broker HOST:PORT"})
final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Mixin
    private HerdState state;

    @Override
    public Integer call() throws Exception {
        return BrokerOnly.run(state.files(herd.config()));
    }
}
