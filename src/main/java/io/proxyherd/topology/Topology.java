package io.proxyherd.topology;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The herd as {@code server-config/herd.properties} describes it: its nodes, their addresses and the
 * links flooding follows. Built from any key lookup, so nodes read it through MicroProfile Config
 * and the launcher straight from the file.
 */
public final class Topology {

    private final Map<String, NodeAddress> nodes;
    private final Map<String, Set<String>> neighbours;
    private final List<Link> links;
    private final BrokerAddress broker;
    private final BrokerAddress backupBroker;

    /** A link flooding follows, both ways, named as the configuration names it. */
    public record Link(String from, String to) {}

    private Topology(
            Map<String, NodeAddress> nodes,
            Map<String, Set<String>> neighbours,
            List<Link> links,
            BrokerAddress broker,
            BrokerAddress backupBroker) {
        this.nodes = nodes;
        this.neighbours = neighbours;
        this.links = links;
        this.broker = broker;
        this.backupBroker = backupBroker;
    }

    public static Topology load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the herd configuration " + file + ": " + e.getMessage(), e);
        }
        return from(key -> Optional.ofNullable(properties.getProperty(key)));
    }

    public static Topology from(Function<String, Optional<String>> settings) {
        Settings config = new Settings(settings);
        Map<String, NodeAddress> nodes = new LinkedHashMap<>();
        for (String name : config.list("herd.nodes")) {
            String prefix = "herd.node." + name + ".";
            nodes.put(
                    name,
                    new NodeAddress(
                            name,
                            config.text(prefix + "host"),
                            config.port(prefix + "client-port"),
                            config.port(prefix + "http-port")));
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("herd.nodes names no node");
        }
        Map<String, Set<String>> neighbours = new LinkedHashMap<>();
        nodes.keySet().forEach(name -> neighbours.put(name, new TreeSet<>()));
        List<Link> links = new ArrayList<>();
        for (String link : config.optionalList("herd.links")) {
            String[] ends = link.split("-", -1);
            if (ends.length != 2
                    || !nodes.containsKey(ends[0])
                    || !nodes.containsKey(ends[1])
                    || ends[0].equals(ends[1])) {
                throw new IllegalArgumentException(
                        "herd.links: '" + link + "' is not a link between two different known nodes");
            }
            if (neighbours.get(ends[0]).add(ends[1])) {
                links.add(new Link(ends[0], ends[1]));
            }
            neighbours.get(ends[1]).add(ends[0]);
        }
        neighbours.replaceAll((name, set) -> Collections.unmodifiableSet(set));
        Topology topology = new Topology(
                Collections.unmodifiableMap(nodes),
                Collections.unmodifiableMap(neighbours),
                List.copyOf(links),
                new BrokerAddress(config.text("herd.broker.host"), config.port("herd.broker.port")),
                new BrokerAddress(config.text("herd.broker.backup-host"), config.port("herd.broker.backup-port")));
        if (topology.broker.equals(topology.backupBroker)) {
            throw new IllegalArgumentException("herd.broker.backup-host and -port name the primary broker's address "
                    + topology.broker + "; the backup needs one of its own");
        }
        topology.requireConnected();
        return topology;
    }

    public List<NodeAddress> nodes() {
        return List.copyOf(nodes.values());
    }

    public NodeAddress node(String name) {
        NodeAddress node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException(
                    "unknown node '" + name + "'; the herd has " + String.join(", ", nodes.keySet()));
        }
        return node;
    }

    public boolean has(String name) {
        return nodes.containsKey(name);
    }

    /** The nodes {@code name} floods to, in name order. */
    public Set<String> neighbours(String name) {
        node(name);
        return neighbours.get(name);
    }

    /** Every link once, in the order the configuration lists them. */
    public List<Link> links() {
        return links;
    }

    /** The durable queue a node consumes its live flood messages from. */
    public static String queueOf(String node) {
        return "herd." + node;
    }

    /** The durable queue a node consumes catch-up requests and answers from, apart from live updates. */
    public static String catchUpQueueOf(String node) {
        return queueOf(node) + ".catch-up";
    }

    /** The broker nodes use; in a herd with a backup (herd up --ha), the primary. */
    public BrokerAddress broker() {
        return broker;
    }

    /** Where the backup broker listens once it has taken over from the primary (herd up --ha). */
    public BrokerAddress backupBroker() {
        return backupBroker;
    }

    /** Every broker address a client tries, the primary first. */
    public List<BrokerAddress> brokers() {
        return List.of(broker, backupBroker);
    }

    private void requireConnected() {
        String first = nodes.keySet().iterator().next();
        Set<String> reached = new LinkedHashSet<>(List.of(first));
        ArrayDeque<String> pending = new ArrayDeque<>(reached);
        while (!pending.isEmpty()) {
            for (String next : neighbours.get(pending.pop())) {
                if (reached.add(next)) {
                    pending.push(next);
                }
            }
        }
        if (reached.size() != nodes.size()) {
            Set<String> cut = new TreeSet<>(nodes.keySet());
            cut.removeAll(reached);
            throw new IllegalArgumentException(
                    "herd.links leave " + cut + " unreachable from " + first + ": updates would not reach every node");
        }
    }

    /** Typed reads with errors that name the key. */
    private record Settings(Function<String, Optional<String>> lookup) {

        String text(String key) {
            return lookup.apply(key)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("missing setting " + key));
        }

        List<String> list(String key) {
            return Arrays.stream(text(key).split(","))
                    .map(String::strip)
                    .filter(item -> !item.isEmpty())
                    .toList();
        }

        /** A list that may be empty, as the links of a one-node herd. */
        List<String> optionalList(String key) {
            return lookup.apply(key)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .map(value -> list(key))
                    .orElse(List.of());
        }

        int port(String key) {
            String value = text(key);
            try {
                int port = Integer.parseInt(value);
                if (port > 0 && port < 65536) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(key + " is '" + value + "', not a port number");
        }
    }
}
