/**
 * The node's log: every client line, connection and flood message with a timestamp, written asynchronously
 * through a bounded buffer with a cheap formatter; what a full buffer drops is counted, never waited for.
 *
 * <p>May depend on: {@code activity}, Jakarta EE and MicroProfile.
 */
package io.proxyherd.logging;
