package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.proxyherd.topology.NodeAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The readiness rule against a stand-in node: a real HTTP server for /health/ready and a real client port. */
class ReadinessProbeTest {

    private HttpServer health;
    private ServerSocket clients;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        health = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        health.createContext("/health/ready", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        health.start();
        clients = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        health.stop(0);
        clients.close();
    }

    @Test
    void readyWhenTheApplicationsCheckIsUpAndTheClientPortAccepts() {
        answer(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"client-listener\",\"status\":\"UP\"}]}");

        assertThat(ReadinessProbe.whyNotReady(node())).isEmpty();
        assertThat(ReadinessProbe.isReady(node())).isTrue();
    }

    @Test
    void payaraUpWithoutTheApplicationIsNotReady() {
        answer(200, "{\"status\":\"UP\",\"checks\":[]}");

        assertThat(ReadinessProbe.whyNotReady(node()))
                .hasValueSatisfying(why -> assertThat(why).contains("client-listener"));
    }

    @Test
    void aCheckDownIsNotReady() {
        answer(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"client-listener\",\"status\":\"UP\"}]}");

        assertThat(ReadinessProbe.whyNotReady(node())).hasValue("/health/ready answered 503");
    }

    @Test
    void aClosedClientPortIsNotReady() throws IOException {
        answer(200, "{\"status\":\"UP\",\"checks\":[{\"name\":\"client-listener\",\"status\":\"UP\"}]}");
        NodeAddress node = node();
        clients.close();

        assertThat(ReadinessProbe.whyNotReady(node))
                .hasValueSatisfying(why -> assertThat(why).startsWith("client port "));
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private NodeAddress node() {
        return new NodeAddress(
                "Welsh",
                "127.0.0.1",
                clients.getLocalPort(),
                health.getAddress().getPort());
    }
}
