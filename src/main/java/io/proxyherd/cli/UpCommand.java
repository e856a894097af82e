package io.proxyherd.cli;

import io.proxyherd.launcher.HerdUp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code herd up}: the launcher's HerdUp, for the herd of {@code --config}. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Artemis broker and every node of the configuration on this machine until Ctrl-C, "
                    + "printing a line per node as it becomes ready, then a summary, and a line whenever a node stops, dies or "
                    + "starts again.",
            "While it runs, herd stop, kill, start and restart drive its nodes through its control socket, "
                    + "DIR/herd.sock of --data.",
            "Needs a build (./mvnw package -DskipTests); ./herd up builds first."
        })
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Mixin
    private HerdState state;

    @Option(
            names = "--restart",
            description =
                    "Start a node that dies (or is killed with herd kill) again, after 1 s, doubling to 30 s while "
                            + "it keeps dying. A node stopped with herd stop stays down.")
    private boolean restart;

    @Option(
            names = "--ha",
            description = "Run a primary and a backup broker, each a process of its own, sharing one journal: when the "
                    + "primary dies (try kill -9 on the pid herd up prints), the backup takes over on "
                    + "herd.broker.backup-port and the nodes move to it.")
    private boolean ha;

    @Override
    public Integer call() throws Exception {
        return HerdUp.run(state.files(herd.config()), restart, ha);
    }
}
