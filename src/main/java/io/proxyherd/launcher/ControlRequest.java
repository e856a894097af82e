package io.proxyherd.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One line a command sends to the running herd over its control socket: {@code stop NODE}, {@code kill NODE},
 * {@code start NODE}, {@code restart NODE} or {@code status}. The reply is one line too: {@code ok ...} or
 * {@code error ...}.
 */
record ControlRequest(Verb verb, String node) {

    /** Longer request lines are refused before they are read to the end. */
    static final int MAX_LINE = 256;

    enum Verb {
        STOP,
        KILL,
        START,
        RESTART,
        STATUS;

        boolean namesANode() {
            return this != STATUS;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses a request line (without its line end); the exception's message is the reply's reason. */
    static ControlRequest parse(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("request longer than " + MAX_LINE + " characters");
        }
        List<String> words = Arrays.stream(line.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty request; expected one of " + verbs());
        }
        Verb verb = Arrays.stream(Verb.values())
                .filter(candidate -> candidate.word().equals(words.get(0)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown request '" + words.get(0) + "'; expected one of " + verbs()));
        int expected = verb.namesANode() ? 2 : 1;
        if (words.size() != expected) {
            throw new IllegalArgumentException(
                    verb.namesANode()
                            ? verb.word() + " needs one node name, as in '" + verb.word() + " Welsh'"
                            : verb.word() + " takes no arguments");
        }
        return new ControlRequest(verb, verb.namesANode() ? words.get(1) : null);
    }

    /** The line that sends this request. */
    String line() {
        return node == null ? verb.word() : verb.word() + " " + node;
    }

    private static String verbs() {
        return String.join(", ", Arrays.stream(Verb.values()).map(Verb::word).toList());
    }
}
