/**
 * {@code WHATSAT}'s places: the Places API called with the JAX-RS client (Google's legacy and new Nearby Search,
 * or the offline set), and the decorators around a search (bounded concurrency, retries, cache, counting).
 *
 * <p>May depend on: {@code threads}, Jakarta EE (JAX-RS client, JSON-P) and MicroProfile.
 */
package io.proxyherd.places;
