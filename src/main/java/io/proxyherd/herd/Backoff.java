package io.proxyherd.herd;

/** How long to wait before trying the broker again: 100 ms, doubling up to 5 s, none again after a success. */
final class Backoff {

    static final long FIRST_MILLIS = 100;
    static final long LAST_MILLIS = 5_000;

    private long millis;

    /** The wait after one more failure. */
    long next() {
        millis = millis == 0 ? FIRST_MILLIS : Math.min(millis * 2, LAST_MILLIS);
        return millis;
    }

    void reset() {
        millis = 0;
    }
}
