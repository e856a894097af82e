package io.proxyherd.cli;

import io.proxyherd.launcher.NodeState;
import java.util.Locale;
import java.util.Optional;

/**
 * A node's HEALTH in {@code herd status}: what the node answers, and for a node that does not serve, what the
 * running herd knows of it. A node stopped or killed on purpose is not a failure.
 */
enum Health {
    UP,
    DOWN,
    STARTING,
    STOPPED,
    KILLED;

    static Health of(boolean serving, Optional<NodeState> known) {
        if (serving) {
            return UP;
        }
        return known.map(state -> switch (state) {
                    case STARTING -> STARTING;
                    case STOPPED -> STOPPED;
                    case KILLED -> KILLED;
                    case RUNNING, DIED, FAILED -> DOWN;
                })
                .orElse(DOWN);
    }

    /** Makes {@code herd status} exit with 1: the node should serve and does not. */
    boolean failing() {
        return this == DOWN || this == STARTING;
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
