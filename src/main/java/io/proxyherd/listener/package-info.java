/**
 * The TCP listener clients connect to: a Netty server on container-managed threads, its line framing, each
 * connection's session and the limits that close only the offending connection (length, time, unread replies,
 * connections per address).
 *
 * <p>May depend on: {@code protocol}, {@code flood}, {@code herd}, {@code places}, {@code activity}, {@code topology},
 * Netty, Jakarta EE and MicroProfile.
 */
package io.proxyherd.listener;
