/**
 * The flood rules in plain Java: what is news ({@code LocationRegistry}), who gets it and what a received batch
 * forwards ({@code FloodRules}), how a catch-up is answered, the wire format of a batch ({@code FloodCodec}) and its
 * bounds. The rules reach the broker only through {@code FloodLinks}, which the node's JMS classes implement.
 *
 * <p>May depend on: {@code protocol}, {@code topology}. No container API (checked by {@code BoundariesTest}): unit
 * tests run the rules without Payara or a broker.
 */
package io.proxyherd.flood;
