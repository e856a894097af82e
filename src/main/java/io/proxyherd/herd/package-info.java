/**
 * The node's side of flooding in the container: the JMS links that send batches ({@code JmsFloodLinks}), the
 * outbox, the message-driven beans that receive them, the catch-up on start, the snapshots of what the node knows, the
 * broker watch behind the flood consumer's health check, and the configuration producers.
 *
 * <p>May depend on: {@code flood}, {@code protocol}, {@code topology}, {@code activity}, {@code broker}, and Jakarta EE,
 * MicroProfile and the JMS API. Boundaries (the beans) only translate messages and delegate to the flood rules.
 */
package io.proxyherd.herd;
