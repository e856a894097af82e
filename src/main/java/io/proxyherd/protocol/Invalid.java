package io.proxyherd.protocol;

import java.util.Objects;

/** A line that is not a valid command; it is answered by echoing it after a question mark. */
public record Invalid(String line) implements Request {

    public Invalid {
        Objects.requireNonNull(line, "line");
    }

    /** {@code "? "}, the line exactly as received, then a newline. */
    public String reply() {
        return "? " + line + "\n";
    }
}
