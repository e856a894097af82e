package io.proxyherd.launcher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where one node of a running {@code herd up} stands, as the herd knows it. */
public enum NodeState {
    /** Being started; not serving yet. */
    STARTING,
    /** Started and serving (or serving until it is found dead). */
    RUNNING,
    /** Stopped by {@code herd stop}: stays down until started. */
    STOPPED,
    /** Killed by {@code herd kill}, as a crash would. */
    KILLED,
    /** Ended without being asked to. */
    DIED,
    /** Could not be started (did not deploy, or did not serve in time). */
    FAILED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Down because someone asked for it: a status check does not count it as a failure. */
    public boolean downOnPurpose() {
        return this == STOPPED || this == KILLED;
    }

    public static Optional<NodeState> ofWord(String word) {
        return Arrays.stream(values())
                .filter(state -> state.word().equals(word))
                .findFirst();
    }

    /** The status reply's text: {@code Goloman=running Hands=stopped ...}, nodes in the herd's order. */
    static String format(Map<String, NodeState> states) {
        StringBuilder line = new StringBuilder();
        states.forEach((node, state) ->
                line.append(line.isEmpty() ? "" : " ").append(node).append('=').append(state.word()));
        return line.toString();
    }

    /** Reads what {@link #format} wrote; words it does not know are left out. */
    public static Map<String, NodeState> parse(String text) {
        Map<String, NodeState> states = new LinkedHashMap<>();
        for (String pair : text.strip().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                ofWord(pair.substring(equals + 1)).ifPresent(state -> states.put(pair.substring(0, equals), state));
            }
        }
        return states;
    }
}
