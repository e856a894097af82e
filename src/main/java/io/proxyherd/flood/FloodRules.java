package io.proxyherd.flood;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.topology.LocalNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the herd in agreement. An update that changes what this node knows is news: a client's own
 * report goes to every neighbour, news from a neighbour goes on, on the lane it came by, to every neighbour
 * that does not hold it yet; anything else stops here. A returning neighbour that asks is sent everything
 * known.
 *
 * <p>Who holds a batch travels with it: the nodes that sent it on and every node they stored it for. Every
 * message is stored to all its nodes in one transaction on the one broker, so a node that received a batch
 * knows that each node it names has it or will get it from its queue, even one that is down now; sending it
 * there again would only be dropped as old news. In the default herd this takes an update over 5 links instead of 8.
 */
public final class FloodRules {

    private final LocalNode node;
    private final LocationRegistry registry;
    private final FloodLinks links;

    public FloodRules(LocalNode node, LocationRegistry registry, FloodLinks links) {
        this.node = node;
        this.registry = registry;
        this.links = links;
    }

    /** A client reported to this node: true if it is news, which the caller then sends to every neighbour. */
    public boolean originate(AtLine line) {
        return registry.offer(line);
    }

    /**
     * Takes a batch from neighbour {@code from}, which {@code heldBy} already hold: keeps the news and forwards
     * it, in one send, to every neighbour outside those; returns once the forward is stored, or throws so the
     * broker delivers the batch again. In a batch delivered again, what this node holds is forwarded again too:
     * the first attempt may have been cut short before its forward was stored.
     *
     * @return the updates forwarded, at most one per client
     */
    public List<Update> receive(String from, Set<String> heldBy, Lane lane, List<Update> updates, boolean redelivered) {
        Map<String, Update> news = new LinkedHashMap<>();
        for (Update update : updates) {
            if (registry.offer(update.line()) || (redelivered && registry.holds(update.line()))) {
                // A later update of the same client in this batch that was news supersedes this one.
                news.put(update.clientId(), update);
            }
        }
        List<Update> forwards = List.copyOf(news.values());
        Set<String> holders = new HashSet<>(heldBy);
        holders.add(from);
        Set<String> onward = node.neighboursOutside(holders);
        if (!forwards.isEmpty() && !onward.isEmpty()) {
            links.send(lane, onward, node.heldOnceSent(holders, onward), forwards);
        }
        return forwards;
    }

    /**
     * Answers a neighbour's catch-up request with everything this node knows, on the asker's catch-up lane
     * only: the asker forwards what is news to it, and its other neighbours drop what they know.
     *
     * @return how many updates were sent
     * @throws IllegalArgumentException if {@code asker} is not a neighbour
     */
    public int answerCatchUp(String asker) {
        if (!node.neighbours().contains(asker)) {
            throw new IllegalArgumentException(asker + " is not a neighbour of " + node.name());
        }
        List<Update> known = new MappedView<>(registry.all(), Update::unstamped);
        if (!known.isEmpty()) {
            Set<String> to = Set.of(asker);
            links.send(Lane.CATCH_UP, to, node.heldOnceSent(Set.of(), to), known);
        }
        return known.size();
    }
}
