package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's store: each client's AT line text, found by the client id inside it. Safe for concurrent use.
 *
 * <p>A client costs its slot and its text: 157 bytes of heap with a 25-character id, where a
 * {@code ConcurrentHashMap} from id to text cost 257 (its node and the id's own string besides). A lookup reads
 * the slot's hash, then the text it points to, where the map went from slot to node to key to the key's bytes and
 * then to the text; under load those reads, missing the cache, took a third of a forwarding node's flood threads'
 * time. The table is cut into segments, each an open-addressed table under its own lock, held only for a lookup
 * and a comparison.
 */
final class LineTable {

    private static final int SEGMENT_BITS = 6;
    private static final int FIRST_CAPACITY = 16;

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
        Segment segment = segmentOf(hash);
        synchronized (segment) {
            return segment.texts[segment.slotOf(clientId, hash)];
        }
    }

    /** Keeps {@code line}'s text if it supersedes what is known of its client; true if it did. */
    boolean offer(AtLine line) {
        String clientId = line.clientId();
        int hash = hash(clientId);
        Segment segment = segmentOf(hash);
        synchronized (segment) {
            int slot = segment.slotOf(clientId, hash);
            String current = segment.texts[slot];
            if (current != null && line.compareToText(current) <= 0) {
                return false;
            }
            segment.put(slot, hash, line.text(), current == null);
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

    /** Every text known, each as it was when its segment was read. */
    List<String> texts() {
        List<String> texts = new ArrayList<>(size());
        for (Segment segment : segments) {
            synchronized (segment) {
                for (String text : segment.texts) {
                    if (text != null) {
                        texts.add(text);
                    }
                }
            }
        }
        return texts;
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

    private static final class Segment {

        // Linear probing; a slot is free when its text is null (nothing is ever removed). Kept at most 5/8 full.
        String[] texts = new String[FIRST_CAPACITY];
        int[] hashes = new int[FIRST_CAPACITY];
        // A bit a slot, set when the slot's text changed since takeChanged; null when changes are not noted.
        long[] changed;
        int size;

        Segment(boolean notingChanges) {
            changed = notingChanges ? new long[bitWords(FIRST_CAPACITY)] : null;
        }

        /** The slot that holds {@code clientId}'s text, or the free slot where it goes. */
        int slotOf(String clientId, int hash) {
            int mask = texts.length - 1;
            int slot = hash & mask;
            while (true) {
                String text = texts[slot];
                if (text == null || (hashes[slot] == hash && AtLine.isAbout(text, clientId))) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
        }

        void put(int slot, int hash, String text, boolean newClient) {
            texts[slot] = text;
            hashes[slot] = hash;
            if (changed != null) {
                changed[slot >>> 6] |= 1L << slot;
            }
            if (newClient && ++size > texts.length / 8 * 5) {
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
                    into.add(texts[word * Long.SIZE + Long.numberOfTrailingZeros(bits)]);
                    bits &= bits - 1;
                }
                changed[word] = 0;
            }
        }

        private void grow() {
            String[] oldTexts = texts;
            int[] oldHashes = hashes;
            long[] oldChanged = changed;
            int capacity = oldTexts.length * 2;
            texts = new String[capacity];
            hashes = new int[capacity];
            changed = oldChanged == null ? null : new long[bitWords(capacity)];
            int mask = capacity - 1;
            for (int old = 0; old < oldTexts.length; old++) {
                if (oldTexts[old] == null) {
                    continue;
                }
                int slot = oldHashes[old] & mask;
                while (texts[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                texts[slot] = oldTexts[old];
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
