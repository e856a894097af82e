package io.proxyherd.launcher;

import io.proxyherd.topology.BrokerAddress;
import io.proxyherd.topology.Topology;

/**
 * What a broker is to the herd: the only one, or one of a pair that shares one journal on one machine, where the
 * backup waits for the primary's lock on it and serves, with every message the journal holds, once the primary is gone.
 */
public enum BrokerRole {
    ALONE,
    PRIMARY,
    BACKUP;

    /** Where a broker in this role serves: the backup on the backup's address, the others on the broker's. */
    BrokerAddress listensOn(Topology topology) {
        return this == BACKUP ? topology.backupBroker() : topology.broker();
    }
}
