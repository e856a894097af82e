package io.proxyherd.cli;

import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.HerdUp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herd up}: the launcher's HerdUp, for the herd of {@code --config}. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Runs the Artemis broker and every node of the configuration on this machine until Ctrl-C, "
                + "printing a line per node as it becomes ready, then a summary.",
                "Needs a build (./mvnw package -DskipTests); ./herd up builds first."})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Where the broker keeps its journal and the nodes their settings (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--logs", paramLabel = "DIR", defaultValue = "logs",
            description = "Where the broker and the nodes write their logs (default: ${DEFAULT-VALUE}).")
    private Path logs;

    @Override
    public Integer call() throws Exception {
        return HerdUp.run(HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withConfig(herd.config().toAbsolutePath())
                .withState(data.toAbsolutePath(), logs.toAbsolutePath()));
    }
}
