package io.proxyherd.console;

import static io.proxyherd.json.SharedJson.JSON;

import io.proxyherd.threads.FixedThreads;
import io.proxyherd.topology.NodeAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the other nodes for their {@code /api/node}, all at once, each bounded by
 * {@code herd.console.peer-timeout-ms}, with the login the herd shares. A small pool of
 * container-managed threads of its own: the container's default executor runs one task at a time.
 */
@ApplicationScoped
public class Peers {

    private static final Duration IDLE_THREAD = Duration.ofSeconds(30);

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ConsoleLogin login;

    @Inject
    @ConfigProperty(name = "herd.console.peer-timeout-ms")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "herd.console.peer-threads")
    int threadCount;

    private ExecutorService pool;
    private Client client;

    /** Questions on their way; {@link #answers} waits for them. */
    public record Asked(Map<String, CompletableFuture<PeerAnswer>> pending, long deadlineNanos) {}

    @PostConstruct
    void open() {
        pool = FixedThreads.of(threadCount, IDLE_THREAD, threads);
        client = ClientBuilder.newBuilder()
                .connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .build();
    }

    public Asked ask(List<NodeAddress> nodes) {
        Map<String, CompletableFuture<PeerAnswer>> pending = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            pending.put(node.name(), CompletableFuture.supplyAsync(() -> get(node), pool));
        }
        // A little over the HTTP timeouts, so they are what ends a slow answer.
        return new Asked(pending, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs + 250));
    }

    public Map<String, PeerAnswer> answers(Asked asked) {
        Map<String, PeerAnswer> answers = new LinkedHashMap<>();
        asked.pending().forEach((name, answer) -> {
            try {
                answers.put(
                        name, answer.get(Math.max(0, asked.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                answer.cancel(true);
                answers.put(name, PeerAnswer.failed("no answer within " + timeoutMs + " ms"));
            } catch (ExecutionException e) {
                answers.put(name, PeerAnswer.failed(OneLine.of(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.put(name, PeerAnswer.failed("interrupted"));
            }
        });
        return answers;
    }

    private PeerAnswer get(NodeAddress node) {
        String url = "http://" + node.host() + ":" + node.httpPort() + "/api/node";
        try {
            Invocation.Builder request = client.target(url).request(MediaType.APPLICATION_JSON);
            login.access().authorization().ifPresent(value -> request.header(HttpHeaders.AUTHORIZATION, value));
            try (Response response = request.get()) {
                if (response.getStatus() != 200) {
                    return PeerAnswer.failed(url + " answered HTTP " + response.getStatus());
                }
                try (JsonReader reader = JSON.createReader(new StringReader(response.readEntity(String.class)))) {
                    return PeerAnswer.of(reader.readObject());
                }
            }
        } catch (RuntimeException e) {
            return PeerAnswer.failed(OneLine.of(e));
        }
    }

    @PreDestroy
    void close() {
        client.close();
        pool.shutdownNow();
    }
}
