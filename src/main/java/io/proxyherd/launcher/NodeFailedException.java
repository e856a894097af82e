package io.proxyherd.launcher;

/** A node that could not be brought up, with the end of its log to say why. */
public final class NodeFailedException extends RuntimeException {

    public NodeFailedException(NodeProcess node, String what) {
        super(node.address().name() + " " + what + "; last lines of " + node.log() + ":\n  "
                + String.join("\n  ", node.logTail(15)));
    }

    private NodeFailedException(String message) {
        super(message);
    }

    /** Payara booted but the application did not deploy: the reason is the whole story, on one line. */
    static NodeFailedException notDeployed(NodeProcess node, String reason) {
        return new NodeFailedException(node.address().name() + " stopped: " + reason + " (see " + node.log() + ")");
    }
}
