package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What a node knows, kept in a file so that a whole herd stopped and started again still knows its clients: a
 * version mark, then one AT line a line. A snapshot is written whole beside the file and moved over it, so a
 * crash while writing leaves the previous snapshot.
 */
public final class RegistryFile {

    static final String VERSION = "herd-registry/1";

    private RegistryFile() {}

    /** Writes every line {@code registry} knows, and makes it durable before it replaces the previous file. */
    public static void write(Path file, LocationRegistry registry) throws IOException {
        List<String> texts = registry.texts();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path next = parent.resolve(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(
                        next,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(VERSION);
            out.write('\n');
            for (String text : texts) {
                out.write(text);
                out.write('\n');
            }
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
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
        int lines = 0;
        int unreadable = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String version = in.readLine();
            if (!VERSION.equals(version)) {
                throw new IOException(file + " does not start with " + VERSION + " but with: " + version);
            }
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                Optional<AtLine> line = AtLine.parse(text);
                if (line.isPresent()) {
                    registry.offer(line.get());
                    lines++;
                } else {
                    unreadable++;
                }
            }
        }
        return new Loaded(lines, unreadable);
    }
}
