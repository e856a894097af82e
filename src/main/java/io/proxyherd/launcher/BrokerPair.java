package io.proxyherd.launcher;

import java.io.IOException;
import java.time.Duration;

/**
 * A primary and a backup broker on this machine, each a process of its own, sharing one journal ({@code herd up --ha}):
 * when the primary dies, the backup takes its lock on the journal and serves every message it holds.
 */
public record BrokerPair(BrokerProcess primary, BrokerProcess backup) implements AutoCloseable {

    /** Starts the primary, then the backup, and returns once the primary serves and the backup waits. */
    static BrokerPair start(HerdFiles files, Duration timeout) throws IOException, InterruptedException {
        BrokerProcess primary = BrokerProcess.start(files, BrokerRole.PRIMARY, timeout);
        try {
            return new BrokerPair(primary, BrokerProcess.start(files, BrokerRole.BACKUP, timeout));
        } catch (IOException | InterruptedException | RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    /** The backup first: a backup outliving its primary would take over from a herd that is stopping. */
    @Override
    public void close() {
        backup.close();
        primary.close();
    }
}
