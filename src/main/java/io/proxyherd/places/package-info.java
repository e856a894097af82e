/**
 * {@code WHATSAT}'s places: the Places API called with the JAX-RS client (Google's legacy and new Nearby Search,
 * or the offline set), and the decorators around a search (bounded concurrency, retries, cache, counting). Typed
 * inside: a search is a {@code PlacesQuery} with the client's exact position and radius, valid once made, and its
 * answer a {@code PlacesAnswer} whose status the decorators read without parsing; the JSON is printed once, by the
 * reply.
 *
 * <p>May depend on: {@code protocol} (a client's position), {@code threads}, Jakarta EE (JAX-RS client, JSON-P) and
 * MicroProfile.
 */
package io.proxyherd.places;
