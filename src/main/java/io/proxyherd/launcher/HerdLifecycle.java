package io.proxyherd.launcher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The nodes of a running {@code herd up} as an operator drives them: stop, kill, start and restart one node while
 * the others serve, the state of each, and, with {@code --restart}, starting again after a backoff a node that died.
 * {@code kill} is a crash on purpose: under {@code --restart} the node comes back as after any crash; {@code stop}
 * keeps it down. Each change is one line on the console. Requests that make no sense (starting a running node) are
 * refused with an {@link IllegalStateException} saying why; unknown nodes with an {@link IllegalArgumentException}.
 */
final class HerdLifecycle implements AutoCloseable {

    /** One node's state, its current process (null until one serves), its backoff and a restart waiting to run. */
    private static final class Node {
        NodeState state = NodeState.RUNNING;
        NodeProcess process;
        RestartBackoff backoff;
        ScheduledFuture<?> pendingRestart;
    }

    private final LocalHerd herd;
    private final boolean restartDied;
    private final Duration startTimeout;
    private final Consumer<String> say;
    private final Consumer<String> warn;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final ScheduledExecutorService restarts;
    private boolean closed;

    HerdLifecycle(
            LocalHerd herd,
            boolean restartDied,
            RestartBackoff backoff,
            Duration startTimeout,
            Consumer<String> say,
            Consumer<String> warn) {
        this.herd = herd;
        this.restartDied = restartDied;
        this.startTimeout = startTimeout;
        this.say = say;
        this.warn = warn;
        long now = System.nanoTime();
        for (NodeProcess process : herd.nodes()) {
            Node node = new Node();
            node.process = process;
            node.backoff = backoff.copy();
            node.backoff.serving(now);
            nodes.put(process.address().name(), node);
        }
        this.restarts = Executors.newScheduledThreadPool(Math.max(1, nodes.size()), runnable -> {
            Thread thread = new Thread(runnable, "herd-restart");
            thread.setDaemon(true);
            return thread;
        });
        herd.onExit(this::exited);
        // A node that died before the listener was set would otherwise go unnoticed.
        herd.nodes().stream()
                .filter(process -> !process.isAlive())
                .forEach(process -> exited(process, process.exitCode()));
    }

    synchronized Map<String, NodeState> states() {
        Map<String, NodeState> states = new LinkedHashMap<>();
        nodes.forEach((name, node) -> states.put(name, node.state));
        return states;
    }

    /** Stops a running node as Payara shuts down; it stays down, with or without --restart. */
    String stop(String name) {
        return stop(name, "herd stop");
    }

    private String stop(String name, String command) {
        synchronized (this) {
            Node node = known(name);
            cancelPendingRestart(node);
            switch (node.state) {
                case STOPPED -> throw new IllegalStateException(name + " is already stopped");
                case STARTING -> throw new IllegalStateException(name + " is starting; stop it once it serves");
                case KILLED, DIED, FAILED -> {
                    String was = node.state.word();
                    node.state = NodeState.STOPPED;
                    return name + " was not running (" + was + "); it stays stopped";
                }
                case RUNNING -> node.state = NodeState.STOPPED;
            }
        }
        herd.stop(name);
        say.accept(name + " stopped (" + command + ")");
        return name + " stopped";
    }

    /** Kills a running node at once (SIGKILL), as a crash would. */
    String kill(String name) {
        synchronized (this) {
            Node node = known(name);
            if (node.state != NodeState.RUNNING) {
                throw new IllegalStateException(name + " is not running (" + node.state.word() + ")");
            }
            node.state = NodeState.KILLED;
        }
        say.accept(name + " killed (herd kill)");
        herd.kill(name);
        return name + " killed";
    }

    /** Starts a node that is down and waits until it serves. */
    String start(String name) throws InterruptedException {
        return start(name, "herd start");
    }

    private String start(String name, String command) throws InterruptedException {
        synchronized (this) {
            Node node = known(name);
            if (node.state == NodeState.RUNNING || node.state == NodeState.STARTING) {
                throw new IllegalStateException(name + " is already " + node.state.word());
            }
            cancelPendingRestart(node);
            node.state = NodeState.STARTING;
        }
        say.accept(name + " starting (" + command + ")");
        return startNow(name);
    }

    /** Stops a running node and starts it again; starts a node that is down. */
    String restart(String name) throws InterruptedException {
        boolean running;
        synchronized (this) {
            running = known(name).state == NodeState.RUNNING;
        }
        if (running) {
            stop(name, "herd restart");
        }
        start(name, "herd restart");
        return name + " restarted";
    }

    private String startNow(String name) throws InterruptedException {
        long started = System.nanoTime();
        NodeProcess process;
        try {
            process = herd.restart(name, startTimeout);
        } catch (RuntimeException e) {
            String first = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse(e.toString());
            String failure = first.startsWith(name + " ") ? first : name + " did not come up: " + first;
            synchronized (this) {
                Node node = nodes.get(name);
                if (node.state == NodeState.STARTING) {
                    node.state = NodeState.FAILED;
                    warn.accept(failure + restartLater(name, node));
                }
            }
            throw new IllegalStateException(failure, e);
        }
        synchronized (this) {
            Node node = nodes.get(name);
            node.process = process;
            node.state = NodeState.RUNNING;
            node.backoff.serving(System.nanoTime());
        }
        say.accept(String.format(
                Locale.ROOT,
                "  %-8s ready again   client port %d   after %.1f s",
                name,
                process.address().clientPort(),
                (System.nanoTime() - started) / 1e9));
        if (!process.isAlive()) {
            exited(process, process.exitCode());
        }
        return name + " started; it serves on client port " + process.address().clientPort();
    }

    /** A node process ended: expected after stop, a crash otherwise (kill included, under --restart). */
    private synchronized void exited(NodeProcess process, int exitCode) {
        String name = process.address().name();
        Node node = nodes.get(name);
        if (closed || node == null || node.process != process) {
            return;
        }
        node.process = null;
        switch (node.state) {
            case RUNNING -> {
                node.state = NodeState.DIED;
                warn.accept(name + " stopped unexpectedly (exit code " + exitCode + "); see " + process.log()
                        + restartLater(name, node));
            }
            case KILLED -> {
                if (restartDied) {
                    say.accept(name + " is gone, as after a crash" + restartLater(name, node));
                }
            }
            default -> {
                // stopped on purpose: its command has said so
            }
        }
    }

    /** Schedules the start of a dead node if --restart asks for it, and says when, as the end of a console line. */
    private String restartLater(String name, Node node) {
        if (!restartDied || closed) {
            return "";
        }
        Duration delay = node.backoff.afterDeath(System.nanoTime());
        node.pendingRestart = restarts.schedule(() -> restartAfterDeath(name), delay.toMillis(), TimeUnit.MILLISECONDS);
        return "; starting it again in " + delay.toSeconds() + " s";
    }

    private void restartAfterDeath(String name) {
        synchronized (this) {
            Node node = nodes.get(name);
            if (closed
                    || node.state == NodeState.RUNNING
                    || node.state == NodeState.STARTING
                    || node.state == NodeState.STOPPED) {
                return;
            }
            node.pendingRestart = null;
            node.state = NodeState.STARTING;
        }
        say.accept(name + " starting again (--restart)");
        try {
            startNow(name);
        } catch (IllegalStateException e) {
            // said on the console, and the next try is scheduled
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cancelPendingRestart(Node node) {
        if (node.pendingRestart != null) {
            node.pendingRestart.cancel(false);
            node.pendingRestart = null;
        }
    }

    private Node known(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException(
                    "unknown node '" + name + "'; the herd's nodes are " + String.join(", ", nodes.keySet()));
        }
        return node;
    }

    /** Stops restarting nodes and listening to their ends; the herd itself is closed by its owner. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            nodes.values().forEach(this::cancelPendingRestart);
        }
        restarts.shutdownNow();
    }
}
