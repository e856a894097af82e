package io.proxyherd.launcher;

import io.proxyherd.topology.NodeAddress;
import io.proxyherd.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A whole herd on this machine: the embedded broker (or a primary and backup pair, each a process of its own) and one
 * Payara Micro process per node. Nodes can be stopped and started again while the others run, as tests and operators
 * need.
 */
public final class LocalHerd implements AutoCloseable {

    private static final int STARTING_AT_ONCE = Integer.getInteger("herd.starting-at-once", 2);

    private final Topology topology;
    private final HerdFiles files;
    // One of the two: the broker in this JVM, or the pair.
    private final EmbeddedBroker broker;
    private final BrokerPair pair;
    private final Map<String, String> environment;
    private final BrokerAccounts accounts;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    // Node processes outlive the JVM that started them: a launcher stopped while the herd is still
    // starting, or a test JVM that is killed, must not leave Payara processes behind.
    private final Thread closeOnExit = new Thread(this::close, "local-herd-close");
    private volatile ExitListener exits = (node, code) -> {};
    private boolean closed;

    /** Told of every node process that ends, whoever ended it, once it is gone. */
    @FunctionalInterface
    public interface ExitListener {
        void exited(NodeProcess node, int exitCode);
    }

    private LocalHerd(
            Topology topology,
            HerdFiles files,
            Map<String, String> environment,
            BrokerAccounts accounts,
            EmbeddedBroker broker,
            BrokerPair pair) {
        this.topology = topology;
        this.files = files;
        this.environment = Map.copyOf(environment);
        this.accounts = accounts;
        this.broker = broker;
        this.pair = pair;
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /**
     * Starts the broker and every node, and waits until each node's application is serving, each within
     * {@code timeout} of its own start. The environment is added to each node's (configuration such as
     * PLACES_BASE_URL).
     */
    public static LocalHerd start(
            HerdFiles files, Map<String, String> environment, Duration timeout, Consumer<NodeProcess> onReady)
            throws Exception {
        return start(files, false, environment, timeout, onReady);
    }

    /**
     * As {@link #start(HerdFiles, Map, Duration, Consumer)}, with {@code withBackup} a primary and a backup broker, each
     * a process of its own, instead of one broker in this JVM; the nodes then fail over to the backup when the primary
     * dies.
     */
    public static LocalHerd start(
            HerdFiles files,
            boolean withBackup,
            Map<String, String> environment,
            Duration timeout,
            Consumer<NodeProcess> onReady)
            throws Exception {
        files.requireBuilt();
        Topology topology = Topology.load(files.config());
        PortCheck.requireFree(topology, files.config());
        List<String> names = topology.nodes().stream().map(NodeAddress::name).toList();
        BrokerAccounts accounts = BrokerAccounts.inFolder(files.data(), names);
        LocalHerd herd;
        if (withBackup) {
            Map<String, String> nodeEnvironment = new HashMap<>(environment);
            nodeEnvironment.put("HERD_BROKER_HA", "true");
            herd = new LocalHerd(topology, files, nodeEnvironment, accounts, null, BrokerPair.start(files, timeout));
        } else {
            herd = new LocalHerd(
                    topology,
                    files,
                    environment,
                    accounts,
                    EmbeddedBroker.start(
                            topology, files.brokerSettings(), files.data().resolve("broker"), accounts),
                    null);
        }
        try {
            herd.startAll(names, timeout, onReady);
            return herd;
        } catch (Exception | Error e) {
            herd.close();
            throw e;
        }
    }

    public Topology topology() {
        return topology;
    }

    /** The broker in this JVM; fails for a herd that runs a pair. */
    public EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException(
                    "this herd runs a primary and a backup broker, each a process: see brokerPair()");
        }
        return broker;
    }

    /** The primary and backup brokers; fails for a herd that runs one broker in this JVM. */
    public BrokerPair brokerPair() {
        if (pair == null) {
            throw new IllegalStateException("this herd runs one broker, in this JVM: see broker()");
        }
        return pair;
    }

    public boolean hasBackupBroker() {
        return pair != null;
    }

    public synchronized NodeProcess node(String name) {
        NodeProcess node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("node " + name + " is not running");
        }
        return node;
    }

    public synchronized List<NodeProcess> nodes() {
        return List.copyOf(nodes.values());
    }

    /** Sets who hears of node processes ending from now on (one listener: {@code herd up}'s lifecycle). */
    public void onExit(ExitListener listener) {
        exits = listener;
    }

    /** Stops one node as an operator would (Payara shuts down); the others keep running. */
    public synchronized void stop(String name) {
        node(name).close();
        nodes.remove(name);
    }

    /** Kills one node at once (SIGKILL), as a crash would: nothing of it gets to shut down. */
    public synchronized void kill(String name) {
        node(name).kill();
        nodes.remove(name);
    }

    /**
     * Starts a stopped (or dead) node again and waits until it serves. A node that does not come up is stopped, so
     * that it can be started again.
     */
    public NodeProcess restart(String name, Duration timeout) throws InterruptedException {
        synchronized (this) {
            NodeProcess existing = nodes.get(name);
            if (existing != null && existing.isAlive()) {
                throw new IllegalStateException("node " + name + " is already running");
            }
            nodes.remove(name);
        }
        try {
            startAll(List.of(name), timeout, ready -> {});
        } catch (RuntimeException e) {
            NodeProcess failed;
            synchronized (this) {
                failed = nodes.remove(name);
            }
            if (failed != null) {
                failed.close();
            }
            throw e;
        }
        return node(name);
    }

    /**
     * Starts nodes a few at a time: on two cores, five Payara Micro boots at once take longer in all
     * than booting them in small groups, and every node waits for the slowest. Each node has {@code timeout}
     * from its own launch: one queued behind others is not blamed for their time.
     */
    private void startAll(List<String> names, Duration timeout, Consumer<NodeProcess> onReady)
            throws InterruptedException {
        ArrayDeque<String> queued = new ArrayDeque<>(names);
        List<NodeProcess> starting = new ArrayList<>();
        Map<NodeProcess, Long> deadlines = new HashMap<>();
        while (!queued.isEmpty() || !starting.isEmpty()) {
            while (starting.size() < STARTING_AT_ONCE && !queued.isEmpty()) {
                NodeProcess launched = launch(queued.poll());
                starting.add(launched);
                deadlines.put(launched, System.nanoTime() + timeout.toNanos());
            }
            for (NodeProcess node : List.copyOf(starting)) {
                if (!node.isAlive()) {
                    throw new NodeFailedException(node, "exited with code " + node.exitCode() + " while starting");
                }
                Optional<String> notDeployed = node.deploymentFailure();
                if (notDeployed.isPresent()) {
                    // A Payara instance without the application would answer HTTP and nothing else: end it.
                    node.close();
                    throw NodeFailedException.notDeployed(node, notDeployed.get());
                }
                if (node.isReady()) {
                    starting.remove(node);
                    onReady.accept(node);
                }
            }
            for (NodeProcess node : starting) {
                if (System.nanoTime() > deadlines.get(node)) {
                    throw new NodeFailedException(node, "not serving after " + timeout.toSeconds() + " s");
                }
            }
            Thread.sleep(100);
        }
    }

    private synchronized NodeProcess launch(String name) {
        if (closed) {
            throw new IllegalStateException("the herd is stopping; " + name + " was not started");
        }
        try {
            Map<String, String> nodeEnvironment = new HashMap<>(environment);
            nodeEnvironment.putAll(accounts.environmentOf(name));
            NodeProcess node = NodeProcess.start(topology.node(name), files, nodeEnvironment);
            nodes.put(name, node);
            node.onExit(code -> exits.exited(node, code));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops every node, then the broker; a second call waits for the first and does nothing more. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; this call does the work and the hook finds it done.
            }
        }
        nodes.values().parallelStream().forEach(NodeProcess::close);
        nodes.clear();
        if (pair != null) {
            pair.close();
            return;
        }
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
