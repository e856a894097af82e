package io.proxyherd.activity;

/** The durations the node measures. */
public enum Timing {
    /** From an IAMAT line received to its AT reply written. */
    IAMAT_REPLY("iamatReply", "herd_iamat_reply"),
    /** From the origin node stamping an update to this node taking it off its queue. */
    FLOOD_DELIVERY("floodDelivery", "herd_flood_delivery");

    private final String key;
    private final String metric;

    Timing(String key, String metric) {
        this.key = key;
        this.metric = metric;
    }

    public String key() {
        return key;
    }

    /** The MicroProfile Metrics timer's name (Prometheus adds {@code _seconds}). */
    public String metric() {
        return metric;
    }
}
