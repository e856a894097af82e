package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Optional;

/**
 * What a node knows, kept in a file so that a whole herd stopped and started again still knows its clients: a
 * version mark, then one AT line a line. Reading offers every line to the registry, whose rule (the newest client
 * time wins) makes their order irrelevant, so a snapshot only appends the lines that changed since the previous
 * one: its cost follows the updates, not the number of clients known. Once the lines appended outnumber the
 * clients, the file is written whole again, beside the old one and moved over it, so it never holds much more than
 * twice the lines it needs, and a crash while writing leaves the previous file. A line cut short by a crash while
 * appending is the file's last, without its newline, and reading skips it.
 */
public final class RegistryFile {

    static final String VERSION = "herd-registry/1";

    private final Path file;
    // The first snapshot, and the one after a failed write, is whole: it replaces whatever a crash left.
    private boolean wholeNext = true;
    private long appendedSinceWhole;

    public RegistryFile(Path file) {
        this.file = file;
    }

    /** What a snapshot wrote: every line known, or the lines that changed since the previous snapshot. */
    public record Written(boolean whole, int lines) {}

    /**
     * Writes what {@code registry} (one that notes its changes) learnt since the previous snapshot, durably: the
     * changed lines appended, or every line in a new file that replaces this one.
     */
    public Written snapshot(LocationRegistry registry) throws IOException {
        boolean whole = wholeNext;
        wholeNext = true;
        Collection<String> changed = registry.takeChanged();
        if (whole || appendedSinceWhole + changed.size() > registry.size()) {
            int lines = writeWhole(registry);
            appendedSinceWhole = 0;
            wholeNext = false;
            return new Written(true, lines);
        }
        if (!changed.isEmpty()) {
            append(changed);
        }
        appendedSinceWhole += changed.size();
        wholeNext = false;
        return new Written(false, changed.size());
    }

    private int writeWhole(LocationRegistry registry) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path next = parent.resolve(file.getFileName() + ".next");
        int lines;
        try (FileChannel channel = FileChannel.open(
                        next,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            out.write((VERSION + '\n').getBytes(StandardCharsets.UTF_8));
            lines = registry.writeTo(out);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return lines;
    }

    private void append(Collection<String> texts) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            writeLines(out, texts);
            channel.force(false);
        }
    }

    private static void writeLines(Writer out, Collection<String> texts) throws IOException {
        for (String text : texts) {
            out.write(text);
            out.write('\n');
        }
        out.flush();
    }

    /** What reading a file gave: lines offered to the registry, and lines that were not AT lines (skipped). */
    public record Loaded(int lines, int unreadable) {}

    /**
     * Offers every line of the file to {@code registry}; a missing file is an empty one.
     *
     * @throws IOException if the file cannot be read or does not start with the version mark
     */
    public static Loaded readInto(Path file, LocationRegistry registry) throws IOException {
        if (!Files.exists(file)) {
            return new Loaded(0, 0);
        }
        boolean endsWhole = endsWithNewline(file);
        int lines = 0;
        int unreadable = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String version = in.readLine();
            if (!VERSION.equals(version)) {
                throw new IOException(file + " does not start with " + VERSION + " but with: " + version);
            }
            String text = in.readLine();
            while (text != null) {
                String next = in.readLine();
                Optional<AtLine> line = next == null && !endsWhole ? Optional.empty() : AtLine.parse(text);
                if (line.isPresent()) {
                    registry.offer(line.get());
                    lines++;
                } else {
                    unreadable++;
                }
                text = next;
            }
        }
        return new Loaded(lines, unreadable);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }
}
