package io.proxyherd.topology;

/** Where one node of the herd is reached: by clients on its TCP port, by people and peers over HTTP. */
public record NodeAddress(String name, String host, int clientPort, int httpPort) {}
