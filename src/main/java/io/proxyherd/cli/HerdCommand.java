package io.proxyherd.cli;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The herd command line: {@code ./herd up | broker | node | send | client | status | stop | kill | start | restart}. */
@Command(
        name = "herd",
        mixinStandardHelpOptions = true,
        version = "herd, the Proxy Herd command line",
        description = {
            "Runs the local herd and talks to its nodes.",
            "While herd up runs, stop, kill, start and restart drive one node of it."
        },
        subcommands = {
            UpCommand.class,
            BrokerCommand.class,
            RunNodeCommand.class,
            SendCommand.class,
            ClientCommand.class,
            StatusCommand.class,
            StopCommand.class,
            KillCommand.class,
            StartCommand.class,
            RestartCommand.class
        })
public final class HerdCommand implements Callable<Integer> {

    static final String DEFAULT_CONFIG = "server-config/herd.properties";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "PATH",
            defaultValue = DEFAULT_CONFIG,
            scope = ScopeType.INHERIT,
            description = "The herd's configuration (default: ${DEFAULT-VALUE}).")
    private Path config;

    private final InputStream givenInput;

    private HerdCommand(InputStream givenInput) {
        this.givenInput = givenInput;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with this tool's error handling: one line on stderr per error, never a stack trace. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line reading a client session's lines from {@code input} instead of stdin, as tests need. */
    static CommandLine commandLine(InputStream input) {
        CommandLine commandLine = new CommandLine(new HerdCommand(input));
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr()
                    .println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see "
                            + failed.getCommandSpec().qualifiedName() + " --help)");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + Failures.describe(e));
            return failed.getCommandSpec().exitCodeOnExecutionException();
        });
        return commandLine;
    }

    /** Without a subcommand there is nothing to do: the usage goes to stderr, as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** The input given in place of stdin, if any. */
    Optional<InputStream> givenInput() {
        return Optional.ofNullable(givenInput);
    }

    Path config() {
        return config;
    }

    Topology topology() {
        return Topology.load(config);
    }

    /** The node of that name in the configuration; an unknown name is the user's error, reported against {@code asking}. */
    NodeAddress node(String name, CommandLine asking) {
        Topology topology = topology();
        if (!topology.has(name)) {
            throw new ParameterException(
                    asking,
                    "unknown node '" + name + "'; the herd in " + config + " has "
                            + String.join(
                                    ", ",
                                    topology.nodes().stream()
                                            .map(NodeAddress::name)
                                            .toList()));
        }
        return topology.node(name);
    }
}
