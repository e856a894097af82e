package io.proxyherd.cli;

import io.proxyherd.launcher.BrokerOnly;
import io.proxyherd.launcher.BrokerRole;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;

/** {@code herd broker}: the launcher's BrokerOnly, for the herd of {@code --config}. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs only the herd's Artemis broker, on the host and port of the configuration, with the same "
                    + "journal and settings as in herd up, until Ctrl-C.",
            "Nodes elsewhere join it with: herd node NAME --broker HOST:PORT",
            "With --ha, one of a pair on one machine that shares the journal: the primary serves on herd.broker.port, "
                    + "the backup waits and serves on herd.broker.backup-port once the primary is gone. Start the "
                    + "primary first; nodes then need HERD_BROKER_HA=true."
        })
final class BrokerCommand implements Callable<Integer> {

    @ParentCommand
    private HerdCommand herd;

    @Mixin
    private HerdState state;

    @Option(names = "--ha", paramLabel = "ROLE", description = "primary or backup.", converter = RoleConverter.class)
    private BrokerRole role = BrokerRole.ALONE;

    @Override
    public Integer call() throws Exception {
        return BrokerOnly.run(state.files(herd.config()), role);
    }

    /** Only the pair's roles: a broker alone is what no --ha means. */
    static final class RoleConverter implements ITypeConverter<BrokerRole> {
        @Override
        public BrokerRole convert(String value) {
            return switch (value) {
                case "primary" -> BrokerRole.PRIMARY;
                case "backup" -> BrokerRole.BACKUP;
                default ->
                    throw new TypeConversionException("'" + value + "' is not a role of the pair: primary or backup");
            };
        }
    }
}
