package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the arguments that start one node, one a line, after the {@code java} command: what
 * {@code docker/node-entrypoint.sh} runs, so that a node in the image starts as a local one does, from the
 * shared runtime with the class-data archive the image build made, through {@link NodeCommand}.
 *
 * <p>Arguments: the herd's home (a built checkout's layout: {@code server-config/}, {@code target/}), the
 * node's name, the herd.properties it runs with ({@code logging.properties} beside it), its log file, and
 * the folder for its instance and settings.
 */
public final class NodeCommandLine {

    private NodeCommandLine() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: NodeCommandLine HOME NODE HERD_PROPERTIES LOG_FILE DATA_DIR");
            System.exit(64);
        }
        Path log = Path.of(args[3]).toAbsolutePath();
        HerdFiles files = HerdFiles.inCheckout(Path.of(args[0]))
                .withConfig(Path.of(args[2]))
                .withState(Path.of(args[4]), log.getParent());
        files.requireBuilt();
        NodeAddress node = Topology.load(files.config()).node(args[1]);
        List<String> command = NodeCommand.of(node, files, NodeProcess.loggingProperties(node, files, log), List.of());
        command.subList(1, command.size()).forEach(System.out::println);
    }
}
