package io.proxyherd.places;

/** Told of each cache lookup and each call to the provider, for the node's activity figures. */
public interface PlacesListener {

    PlacesListener NONE = new PlacesListener() {};

    /** A search the cache answered ({@code hit}) or passed on. */
    default void cacheLookup(boolean hit) {}

    /** A call to the provider (with its retries) that ended, answered with a success status or not. */
    default void called(boolean succeeded) {}
}
