package io.proxyherd.herd;

import io.proxyherd.protocol.AtLine;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node answers a neighbour's catch-up request with: everything it knows, as ordinary updates
 * from itself, in batches of one local transaction each. The updates carry no stamp: they were not
 * just made, so they would spoil the flood delivery times the receiver measures.
 */
final class CatchUpAnswer {

    private CatchUpAnswer() {}

    static List<List<FloodMessage>> batches(List<AtLine> known, String answering, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one update, not " + batchSize);
        }
        List<List<FloodMessage>> batches = new ArrayList<>();
        for (int start = 0; start < known.size(); start += batchSize) {
            batches.add(known.subList(start, Math.min(start + batchSize, known.size())).stream()
                    .map(line -> new FloodMessage(line.text(), answering, 0))
                    .toList());
        }
        return batches;
    }
}
