package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.protocol.Fields;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The flood wire format: a message body in UTF-8 whose first line is the version mark {@value #VERSION},
 * followed by one line per update, its origin's stamp in epoch milliseconds, a space and the AT line.
 * A later format gets a new mark, so a node can tell it apart instead of misreading it.
 */
public final class FloodCodec {

    public static final String VERSION = "herd-flood/1";

    private static final byte[] HEADER = (VERSION + "\n").getBytes(StandardCharsets.UTF_8);

    private final BatchBounds bounds;

    public FloodCodec(BatchBounds bounds) {
        this.bounds = bounds;
    }

    /** The updates, in order, as few message bodies as the bounds allow; none for no updates. */
    public List<byte[]> encode(List<Update> updates) {
        List<byte[]> bodies = new ArrayList<>();
        encode(updates, (body, carried) -> bodies.add(body));
        return bodies;
    }

    /**
     * What {@link #encode(List)} returns, each body handed to {@code bodies} with the updates it carries as soon
     * as it is full: a catch-up answer of every client a node knows then needs memory for one body at a time,
     * and each update is read from {@code updates} once.
     */
    public <E extends Exception> void encode(List<Update> updates, BodySink<E> bodies) throws E {
        int expected = Math.min(updates.size(), bounds.maxUpdates());
        // Sized for what a body will most likely hold, so that it seldom grows by copying.
        ByteArrayOutputStream body =
                new ByteArrayOutputStream(Math.min(bounds.maxBytes(), HEADER.length + expected * 128));
        List<Update> carried = new ArrayList<>(expected);
        for (Update update : updates) {
            String stamp = Long.toString(update.stampedAtMillis());
            byte[] line = update.line().text().getBytes(StandardCharsets.UTF_8);
            int recordLength = stamp.length() + 1 + line.length + 1;
            boolean full = carried.size() == bounds.maxUpdates() || body.size() + recordLength > bounds.maxBytes();
            if (!carried.isEmpty() && full) {
                bodies.accept(body.toByteArray(), Collections.unmodifiableList(carried));
                body.reset();
                carried = new ArrayList<>(expected);
            }
            if (carried.isEmpty()) {
                body.writeBytes(HEADER);
            }
            for (int i = 0; i < stamp.length(); i++) {
                body.write(stamp.charAt(i));
            }
            body.write(' ');
            body.writeBytes(line);
            body.write('\n');
            carried.add(update);
        }
        if (!carried.isEmpty()) {
            bodies.accept(body.toByteArray(), Collections.unmodifiableList(carried));
        }
    }

    /** Takes each body {@link #encode(List, BodySink)} makes, with the updates it carries, and may fail as sending it may. */
    @FunctionalInterface
    public interface BodySink<E extends Exception> {
        void accept(byte[] body, List<Update> carried) throws E;
    }

    /** The updates one body carries, in order; at least one. */
    public static List<Update> decode(byte[] body) throws MalformedFloodMessage {
        String text = utf8(body);
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(VERSION)) {
            throw new MalformedFloodMessage(
                    "its first line is not the version mark " + VERSION + ": " + abbreviated(lines[0]));
        }
        if (!text.endsWith("\n")) {
            throw new MalformedFloodMessage("its last line has no line end: it may be cut short");
        }
        List<Update> updates = new ArrayList<>(lines.length - 2);
        for (int i = 1; i < lines.length - 1; i++) {
            updates.add(update(lines[i], i + 1));
        }
        if (updates.isEmpty()) {
            throw new MalformedFloodMessage("it carries no update");
        }
        return updates;
    }

    private static Update update(String line, int number) throws MalformedFloodMessage {
        int space = line.indexOf(' ');
        String atLine = space > 0 ? line.substring(space + 1) : "";
        // Single spaces only: a forward must carry the AT line exactly as its origin wrote it.
        Optional<AtLine> at = Fields.isSingleSpaced(atLine) ? AtLine.parse(atLine) : Optional.empty();
        long stamp = space > 0 ? stamp(line.substring(0, space)) : -1;
        if (stamp < 0 || at.isEmpty()) {
            throw new MalformedFloodMessage("line " + number + " is not a stamp and an AT line: " + abbreviated(line));
        }
        return new Update(at.get(), stamp);
    }

    /** The stamp's value, or -1 if it is not a plain decimal number of at most 18 digits. */
    private static long stamp(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(digits);
    }

    private static String utf8(byte[] body) throws MalformedFloodMessage {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFloodMessage("it is not UTF-8");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200
                ? "'" + text + "'"
                : "'" + text.substring(0, 200) + "...' (" + text.length() + " characters)";
    }

    /** The body as text for a log line, whatever it holds. */
    public static String describe(byte[] body) {
        return abbreviated(StandardCharsets.UTF_8.decode(ByteBuffer.wrap(body)).toString())
                .replace("\n", "\\n");
    }
}
