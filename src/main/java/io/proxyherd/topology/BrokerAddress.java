package io.proxyherd.topology;

/** Where a broker listens for the herd: {@code host:port}. */
public record BrokerAddress(String host, int port) {

    /** Reads {@code host:port}, as a user types it ({@code herd node --broker}). */
    public static BrokerAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("a broker is given as HOST:PORT, not '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the broker port in '" + text + "' is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the broker port in '" + text + "' is out of range (1-65535)");
        }
        return new BrokerAddress(text.substring(0, colon), port);
    }

    /** The address as Artemis connects to it. */
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
