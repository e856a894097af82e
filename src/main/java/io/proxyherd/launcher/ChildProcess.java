package io.proxyherd.launcher;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A process this launcher started and owns (a node, a broker of a pair): asked to stop with SIGTERM and killed if it
 * has not within the grace period, or killed at once, as a crash would.
 */
final class ChildProcess {

    private static final long GRACE_SECONDS = 20;

    private final Process process;

    ChildProcess(Process process) {
        this.process = process;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while the process runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    void onExit(IntConsumer action) {
        process.onExit().thenAccept(exited -> action.accept(exited.exitValue()));
    }

    /** Kills the process at once (SIGKILL) and waits until it is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not within the grace period. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
