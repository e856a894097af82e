package io.proxyherd.launcher;

/**
 * What a broker is to the herd: the only one, or one of a pair that shares one journal on one machine, where the
 * backup waits for the primary's lock on it and serves, with every message the journal holds, once the primary is gone.
 */
public enum BrokerRole {
    ALONE,
    PRIMARY,
    BACKUP
}
