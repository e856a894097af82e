package io.proxyherd.listener;

import java.util.concurrent.CompletionStage;

/** What the listener asks of the node for each complete line a client sends. */
public interface LineHandler {

    /**
     * The whole reply to one line, newlines included, ready to be written in a single write.
     * Completes on whatever thread finished the work; never completes exceptionally.
     */
    CompletionStage<String> answer(String line);

    /** Told once the reply to {@code line} is written, {@code nanos} after the line was received. */
    default void written(String line, String reply, long nanos) {}
}
