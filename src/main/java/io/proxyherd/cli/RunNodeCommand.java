package io.proxyherd.cli;

import io.proxyherd.launcher.SingleNode;
import io.proxyherd.topology.BrokerAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code herd node NAME}: the launcher's SingleNode, for a node of {@code --config}. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one node of the configuration in the foreground until Ctrl-C, against the broker the "
                    + "configuration names, or the one given with --broker (see herd broker).",
            "Spread a herd over machines by running herd broker on one and herd node NAME on each, "
                    + "all with the same server-config/ (each node's host set to where it runs)."
        })
final class RunNodeCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The node, as named in the configuration.")
    private String name;

    @Option(
            names = "--broker",
            paramLabel = "HOST:PORT",
            description = "The broker to use instead of the configuration's herd.broker.host and herd.broker.port.")
    private String broker;

    @Mixin
    private HerdState state;

    @Override
    public Integer call() throws Exception {
        herd.node(name, spec.commandLine());
        Optional<BrokerAddress> address;
        try {
            address = Optional.ofNullable(broker).map(BrokerAddress::parse);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return SingleNode.run(state.files(herd.config()), name, address);
    }
}
