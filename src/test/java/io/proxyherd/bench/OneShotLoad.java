package io.proxyherd.bench;

import io.proxyherd.support.OneShotClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients in the graders' style, as fast as they can: each IAMAT on a connection of its own (connect,
 * write the line, half-close, read until the server closes), the clients from {@link LoadClients}.
 */
final class OneShotLoad {

    private OneShotLoad() {}

    static LoadResult run(int port, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<Future<Client>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> new Client().runWhile(port, running)));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
            List<Long> latencies = new ArrayList<>();
            List<String> last = new ArrayList<>();
            for (Future<Client> result : results) {
                Client client = result.get();
                latencies.addAll(client.latencies);
                if (client.lastReply != null) {
                    last.add(client.lastReply);
                }
            }
            return new LoadResult(
                    latencies.size(), Duration.ofNanos(System.nanoTime() - started), Figures.sorted(latencies), last);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    /** One IAMAT on a new connection; returns the AT line without its newline. */
    static String once(int port, String clientId) throws Exception {
        String reply = OneShotClient.exchange(port, Figures.iamat(clientId));
        if (!reply.startsWith("AT ")) {
            throw new IllegalStateException(
                    "port " + port + " answered '" + reply.strip() + "' to an IAMAT for " + clientId);
        }
        return reply.strip();
    }

    private static final class Client {

        private final List<Long> latencies = new ArrayList<>();
        private String lastReply;

        Client runWhile(int port, AtomicBoolean running) throws Exception {
            while (running.get()) {
                long sent = System.nanoTime();
                lastReply = once(port, LoadClients.next());
                latencies.add(System.nanoTime() - sent);
            }
            return this;
        }
    }
}
