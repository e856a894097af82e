package io.proxyherd.launcher;

/** A node that could not be brought up, with the end of its log to say why. */
public final class NodeFailedException extends RuntimeException {

    public NodeFailedException(NodeProcess node, String what) {
        super(node.address().name() + " " + what + "; last lines of " + node.log() + ":\n  "
                + String.join("\n  ", node.logTail(15)));
    }
}
