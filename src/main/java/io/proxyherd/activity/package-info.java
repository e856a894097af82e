/**
 * What a node has done, for the admin console and {@code /metrics}: counts, latency windows, rates over time and the
 * last unreadable flood messages.
 *
 * <p>May depend on: {@code places} (its call outcomes), Jakarta EE (CDI) and MicroProfile.
 */
package io.proxyherd.activity;
