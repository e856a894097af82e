package io.proxyherd.health;

/** The names of the node's health checks, as {@code /health} lists them and as whoever reads it looks for them. */
public final class HealthChecks {

    /** Readiness: the client listener is bound. */
    public static final String CLIENT_LISTENER = "client-listener";
    /** Readiness: the broker counts a consumer on the node's own queue. */
    public static final String FLOOD_CONSUMER = "flood-consumer";
    /** Liveness: the application runs, and says which node it is. */
    public static final String NODE = "node";

    private HealthChecks() {}
}
