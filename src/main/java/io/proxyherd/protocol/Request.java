package io.proxyherd.protocol;

import java.util.List;
import java.util.Optional;

/** A line a client sent, understood as one of the commands or as invalid. */
public sealed interface Request permits IAmAt, WhatsAt, Invalid {

    /**
     * Parses one line, given without its line terminator. Never throws: anything that is not a well-formed
     * {@code IAMAT} or {@code WHATSAT} (including {@code AT} lines, a null line, taken as empty, and a line holding a
     * control character or bytes that were not UTF-8) is {@link Invalid}.
     */
    static Request parse(String line) {
        if (line == null) {
            return new Invalid("");
        }
        if (Fields.hasForbiddenCharacter(line)) {
            return new Invalid(line);
        }
        List<String> fields = Fields.split(line);
        Optional<? extends Request> request = fields.isEmpty()
                ? Optional.empty()
                : switch (fields.get(0)) {
                    case IAmAt.COMMAND -> IAmAt.fromFields(fields);
                    case WhatsAt.COMMAND -> WhatsAt.fromFields(fields);
                    default -> Optional.empty();
                };
        return request.<Request>map(parsed -> parsed).orElseGet(() -> new Invalid(line));
    }
}
