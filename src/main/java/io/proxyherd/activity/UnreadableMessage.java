package io.proxyherd.activity;

/**
 * A flood message this node could not read, which the broker moves to the dead-letter queue after its
 * redeliveries.
 *
 * @param atMillis when it was first delivered
 * @param from the node the message says sent it (null if it does not say)
 * @param messageId the broker's id of it, to find it in the dead-letter queue
 * @param problem what is wrong with it and what it holds, abbreviated
 */
public record UnreadableMessage(long atMillis, String from, String messageId, String problem) {}
