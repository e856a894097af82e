package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The registry's store: each client's AT line, found by the client id inside it. Safe for concurrent use.
 *
 * <p>A line is kept as its UTF-8 bytes in an array of its own, zero-padded to a multiple of eight bytes (what the
 * heap rounds an array up to anyway; an AT line ends in a digit, so its end is the last byte that is not zero). A
 * newer line of the client is copied into that array when it fits, as it nearly always does: a client's lines
 * differ in little but their digits. So an update leaves no garbage in the old generation. Kept as a string, every
 * update's line outlived a young collection (the table, long-lived, points at it) and became old garbage at the
 * client's next update: under load that filled the old generation in under a minute, and each node stopped for a
 * full collection of 0.2-1.2 s.
 *
 * <p>A client costs its slot and its array, where a {@code ConcurrentHashMap} from id to text cost a node, the id's
 * own string and the text's string besides. A lookup reads the slot's hash, then the array it points to. The table
 * is cut into segments, each an open-addressed table under its own lock, held only for a lookup, a comparison and
 * a copy; a line leaves the table only as a string made under that lock.
 */
final class LineTable {

    private static final int SEGMENT_BITS = 6;
    private static final int FIRST_CAPACITY = 16;
    private static final int PADDING = 8;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

    /** {@code notingChanges}: whether {@link #takeChanged} may be asked which clients changed. */
    LineTable(boolean notingChanges) {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(notingChanges);
        }
    }

    /** The text known for {@code clientId}, or null. */
    String get(String clientId) {
        int hash = hash(clientId);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        Segment segment = segmentOf(hash);
        synchronized (segment) {
            byte[] line = segment.lines[segment.slotOf(id, hash)];
            return line == null ? null : text(line);
        }
    }

    /** Keeps {@code line} if it supersedes what is known of its client; true if it did. */
    boolean offer(AtLine line) {
        String clientId = line.clientId();
        int hash = hash(clientId);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] text = line.text().getBytes(StandardCharsets.UTF_8);
        Segment segment = segmentOf(hash);
        synchronized (segment) {
            int slot = segment.slotOf(id, hash);
            byte[] current = segment.lines[slot];
            if (current != null && line.compareToText(text(current)) <= 0) {
                return false;
            }
            segment.put(slot, hash, text);
            return true;
        }
    }

    /** The texts of the clients that changed since the last call, each once; forgets them. */
    List<String> takeChanged() {
        List<String> texts = new ArrayList<>();
        for (Segment segment : segments) {
            synchronized (segment) {
                segment.takeChanged(texts);
            }
        }
        return texts;
    }

    /**
     * Every client known when asked, each read when the list is asked for it: its line then, never older than when
     * asked. The list holds a reference a client, not its text, so a list of every client costs little memory.
     */
    List<String> texts() {
        int size = size();
        List<byte[]> lines = new ArrayList<>(size);
        List<Segment> owners = new ArrayList<>(size);
        for (Segment segment : segments) {
            synchronized (segment) {
                for (byte[] line : segment.lines) {
                    if (line != null) {
                        lines.add(line);
                        owners.add(segment);
                    }
                }
            }
        }
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                // An array only ever holds lines of one client, copied in under its segment's lock.
                synchronized (owners.get(index)) {
                    return text(lines.get(index));
                }
            }

            @Override
            public int size() {
                return lines.size();
            }
        };
    }

    /** Writes every line known, each followed by a newline, a segment at a time; returns how many. */
    int writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream(1 << 16);
        int written = 0;
        for (Segment segment : segments) {
            copy.reset();
            synchronized (segment) {
                for (byte[] line : segment.lines) {
                    if (line != null) {
                        copy.write(line, 0, length(line));
                        copy.write('\n');
                        written++;
                    }
                }
            }
            copy.writeTo(out);
        }
        return written;
    }

    int size() {
        int size = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                size += segment.size;
            }
        }
        return size;
    }

    private Segment segmentOf(int hash) {
        return segments[hash >>> (Integer.SIZE - SEGMENT_BITS)];
    }

    // The id's own hash (cached in the string) mixed, so that the segment's high bits and the slot's low bits
    // both vary with every character.
    private static int hash(String clientId) {
        int hash = clientId.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }

    private static String text(byte[] line) {
        return new String(line, 0, length(line), StandardCharsets.UTF_8);
    }

    private static int length(byte[] line) {
        int end = line.length;
        while (end > 0 && line[end - 1] == 0) {
            end--;
        }
        return end;
    }

    /** True if the line's client id (its fourth field, after the third space) is exactly {@code id}. */
    private static boolean isAbout(byte[] line, byte[] id) {
        int start = 0;
        for (int spaces = 0; spaces < 3; start++) {
            if (start == line.length) {
                return false;
            }
            if (line[start] == ' ') {
                spaces++;
            }
        }
        int end = start + id.length;
        return end < line.length && line[end] == ' ' && Arrays.equals(line, start, end, id, 0, id.length);
    }

    private static final class Segment {

        // Linear probing; a slot is free when its line is null (nothing is ever removed). Kept at most 5/8 full.
        byte[][] lines = new byte[FIRST_CAPACITY][];
        int[] hashes = new int[FIRST_CAPACITY];
        // A bit a slot, set when the slot's line changed since takeChanged; null when changes are not noted.
        long[] changed;
        int size;

        Segment(boolean notingChanges) {
            changed = notingChanges ? new long[bitWords(FIRST_CAPACITY)] : null;
        }

        /** The slot that holds the line of the client whose id is {@code id}, or the free slot where it goes. */
        int slotOf(byte[] id, int hash) {
            int mask = lines.length - 1;
            int slot = hash & mask;
            while (true) {
                byte[] line = lines[slot];
                if (line == null || (hashes[slot] == hash && isAbout(line, id))) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        void put(int slot, int hash, byte[] text) {
            byte[] current = lines[slot];
            if (current != null && text.length <= current.length) {
                System.arraycopy(text, 0, current, 0, text.length);
                Arrays.fill(current, text.length, current.length, (byte) 0);
            } else {
                lines[slot] = Arrays.copyOf(text, (text.length / PADDING + 1) * PADDING);
                hashes[slot] = hash;
            }
            if (changed != null) {
                changed[slot >>> 6] |= 1L << slot;
            }
            if (current == null && ++size > lines.length / 8 * 5) {
                grow();
            }
        }

        void takeChanged(List<String> into) {
            if (changed == null) {
                throw new IllegalStateException("this registry does not note which clients changed");
            }
            for (int word = 0; word < changed.length; word++) {
                long bits = changed[word];
                while (bits != 0) {
                    into.add(text(lines[word * Long.SIZE + Long.numberOfTrailingZeros(bits)]));
                    bits &= bits - 1;
                }
                changed[word] = 0;
            }
        }

        private void grow() {
            byte[][] oldLines = lines;
            int[] oldHashes = hashes;
            long[] oldChanged = changed;
            int capacity = oldLines.length * 2;
            lines = new byte[capacity][];
            hashes = new int[capacity];
            changed = oldChanged == null ? null : new long[bitWords(capacity)];
            int mask = capacity - 1;
            for (int old = 0; old < oldLines.length; old++) {
                if (oldLines[old] == null) {
                    continue;
                }
                int slot = oldHashes[old] & mask;
                while (lines[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                lines[slot] = oldLines[old];
                hashes[slot] = oldHashes[old];
                if (oldChanged != null && (oldChanged[old >>> 6] & (1L << old)) != 0) {
                    changed[slot >>> 6] |= 1L << slot;
                }
            }
        }

        private static int bitWords(int capacity) {
            return (capacity + Long.SIZE - 1) / Long.SIZE;
        }
    }
}
