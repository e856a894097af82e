package io.proxyherd.console;

import jakarta.json.JsonObject;

/** What a node's {@code /api/node} answered, or why it did not. */
public record PeerAnswer(JsonObject node, String error) {

    public static PeerAnswer of(JsonObject node) {
        return new PeerAnswer(node, null);
    }

    public static PeerAnswer failed(String error) {
        return new PeerAnswer(null, error);
    }

    public boolean up() {
        return node != null;
    }

    public boolean ready() {
        return up() && node.getBoolean("ready", false);
    }
}
