package io.proxyherd.cli;

import io.proxyherd.launcher.BrokerOnly;
import io.proxyherd.launcher.HerdFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herd broker}: the launcher's BrokerOnly, for the herd of {@code --config}. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs only the herd's Artemis broker, on the host and port of the configuration, with the same "
                + "journal and settings as in herd up, until Ctrl-C.",
                "Nodes elsewhere join it with: herd node NAME --broker HOST:PORT"})
final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Where the broker keeps its journal, in broker/ (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--logs", paramLabel = "DIR", defaultValue = "logs",
            description = "Where the broker writes broker.log (default: ${DEFAULT-VALUE}).")
    private Path logs;

    @Override
    public Integer call() throws Exception {
        return BrokerOnly.run(HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withConfig(herd.config().toAbsolutePath())
                .withState(data.toAbsolutePath(), logs.toAbsolutePath()));
    }
}
