package io.proxyherd.cli;

import io.proxyherd.launcher.HerdFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --logs}, for the commands that run the herd or a part of it on this machine. */
final class HerdState {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description =
                    "Where the broker keeps its journal and the nodes their instances and settings (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(
            names = "--logs",
            paramLabel = "DIR",
            defaultValue = "logs",
            description = "Where the broker and the nodes write their logs (default: ${DEFAULT-VALUE}).")
    private Path logs;

    /** This checkout's build, running the herd of {@code config} with these folders. */
    HerdFiles files(Path config) {
        return HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withConfig(config.toAbsolutePath())
                .withState(data.toAbsolutePath(), logs.toAbsolutePath());
    }
}
