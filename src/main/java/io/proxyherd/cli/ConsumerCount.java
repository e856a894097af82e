package io.proxyherd.cli;

/** How many consumers the broker says read a node's queue, or why that is not known. */
public record ConsumerCount(int count, String unknownBecause) {

    public static ConsumerCount of(int count) {
        return new ConsumerCount(count, null);
    }

    public static ConsumerCount unknown(String because) {
        return new ConsumerCount(-1, because);
    }

    public boolean known() {
        return unknownBecause == null;
    }
}
