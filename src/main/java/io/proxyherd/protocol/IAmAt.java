package io.proxyherd.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code IAMAT client position time}: a client says where it is and when. */
public record IAmAt(String clientId, Position position, ClientTime time) implements Request {

    public static final String COMMAND = "IAMAT";

    public IAmAt {
        Fields.requireField(clientId, "client id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(time, "time");
    }

    static Optional<IAmAt> fromFields(List<String> fields) {
        if (fields.size() != 4 || !fields.get(0).equals(COMMAND)) {
            return Optional.empty();
        }
        String clientId = fields.get(1);
        return Position.parse(fields.get(2))
                .flatMap(position -> ClientTime.parse(fields.get(3)).map(time -> new IAmAt(clientId, position, time)));
    }
}
