package io.proxyherd.cli;

import io.proxyherd.launcher.ControlClient;
import io.proxyherd.launcher.ControlClient.NoHerdException;
import io.proxyherd.launcher.ControlClient.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd stop|kill|start|restart NODE}: one request to the running {@code herd up} over its control socket,
 * and its reply printed: on stdout with exit code 0, or on stderr with 1 (as when no herd runs).
 */
abstract class NodeLifecycleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node, named as in the herd's configuration.")
    private String node;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "The data folder of the running herd (herd up's --data; default: ${DEFAULT-VALUE}).")
    private Path data;

    /** The request's verb. */
    abstract String verb();

    /** How long the herd may take to answer. */
    abstract Duration timeout();

    @Override
    public Integer call() throws IOException {
        try {
            Reply reply = new ControlClient(data).send(verb(), node, timeout());
            if (reply.ok()) {
                spec.commandLine().getOut().println(reply.text());
                return 0;
            }
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + reply.text());
        } catch (NoHerdException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
        }
        return 1;
    }
}
