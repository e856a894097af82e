package io.proxyherd.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeDeployment;
import io.proxyherd.support.NodeMetrics;
import io.proxyherd.support.PlacesStandIn;
import io.proxyherd.support.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that break the rules, against a real node (Alpha of it/herd.properties): each affects only its own
 * connection. Each test prints what it measured: a bystander's IAMAT reply times without and with the bad client,
 * and the node's resident memory.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class BadClientsIT {

    private static final int PORT = 12100;
    private static final int HTTP_PORT = 12180;
    private static final int BYSTANDER_ASKS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONNECTIONS = Pattern.compile("\"connections\"\\s*:\\s*\"?(\\d+)");

    private static PlacesStandIn places;

    @Deployment(testable = false)
    static WebArchive node() {
        return NodeDeployment.war();
    }

    @BeforeAll
    static void startPlaces() throws IOException {
        places = new PlacesStandIn(12190);
        bystander(); // so that the first test's "alone" figures are not those of a node still compiling
    }

    @AfterAll
    static void stopPlaces() {
        places.close();
    }

    @Test
    void bytesThatAreNotUtf8AndControlCharactersAreAnsweredWithAQuestionMark() throws IOException {
        try (Socket client = connect("127.0.0.1")) {
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();

            out.write(bytes("IAMAT ", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, " +34-118 1520023934\n"));
            assertThat(readLine(in)).isEqualTo("? IAMAT \uFFFD(\uFFFD +34-118 1520023934");

            out.write(bytes("IAMAT ki", new byte[] {0}, "wi +34-118 1520023934\n"));
            assertThat(readLine(in)).isEqualTo("? IAMAT ki\u0000wi +34-118 1520023934");

            out.write(new byte[] {0, 0, 0, '\n'});
            assertThat(readLine(in)).isEqualTo("? \u0000\u0000\u0000");

            out.write("IAMAT after-the-bytes +34-118 1520023934\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readLine(in)).startsWith("AT Alpha ").endsWith(" after-the-bytes +34-118 1520023934");
        }
    }

    @Test
    void aLineOfOneMebibyteClosesOnlyItsOwnConnection() throws Exception {
        double cutBefore = metric("herd_connections_cut_line_too_long_total");
        Latencies unloaded = bystander();
        try (Socket flooder = connect("127.0.0.1")) {
            CompletableFuture<Void> sent =
                    CompletableFuture.runAsync(() -> writeIgnoringReset(flooder, new byte[1 << 20]));
            Latencies during = bystander();

            Sockets.assertClosedByNode(flooder);
            sent.join();
            assertThat(metric("herd_connections_cut_line_too_long_total")).isEqualTo(cutBefore + 1);
            report("a 1 MiB line", unloaded, during);
        }
    }

    @Test
    void aWriterOfOneByteASecondIsClosedAtTheLineTimeoutWhileOthersAreServed() throws Exception {
        double cutBefore = metric("herd_connections_cut_line_too_slow_total");
        Latencies unloaded = bystander();
        try (Socket slow = connect("127.0.0.1")) {
            long started = System.nanoTime();
            CompletableFuture<Void> dripping =
                    CompletableFuture.runAsync(() -> drip(slow, "IAMAT slowloris +34-118 1520023934\n"));
            Latencies during = bystander();

            Sockets.assertClosedByNode(slow);
            long closedAfterMillis = (System.nanoTime() - started) / 1_000_000;
            dripping.join();
            assertThat(metric("herd_connections_cut_line_too_slow_total")).isEqualTo(cutBefore + 1);
            report("a writer of a byte a second (closed after " + closedAfterMillis + " ms)", unloaded, during);
        }
    }

    @Test
    void aClientThatSendsWhatsatsAndNeverReadsIsClosedWhileOthersAreServed() throws Exception {
        try (LineConnection client = new LineConnection(PORT)) {
            assertThat(client.ask("IAMAT greedy +34.068930-118.445127 1520023934"))
                    .startsWith("AT Alpha ");
            // Places asked once here, so that the greedy client's answers come from the node's cache at once.
            assertThat(client.askWhatsAt("WHATSAT greedy 50 20")).contains("\"results\"");
        }
        double cutBefore = metric("herd_connections_cut_replies_unread_total");
        Latencies unloaded = bystander();
        long residentBefore = nodeResidentKib();
        Socket greedy = new Socket();
        greedy.setReceiveBufferSize(4096);
        greedy.bind(new InetSocketAddress("127.0.0.1", 0));
        greedy.connect(new InetSocketAddress("127.0.0.1", PORT), 2_000);
        try (greedy) {
            AtomicLong linesWritten = new AtomicLong();
            CompletableFuture<Void> asking = CompletableFuture.runAsync(() -> askWithoutReading(greedy, linesWritten));
            Latencies during = bystander();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metric("herd_connections_cut_replies_unread_total") == cutBefore + 1);
            asking.join();
            long residentAfter = nodeResidentKib();
            report(
                    "a client asking WHATSAT and never reading (it got " + linesWritten.get()
                            + " lines into its socket; node " + residentBefore / 1024 + " MB resident before, "
                            + residentAfter / 1024 + " MB after)",
                    unloaded,
                    during);
        }
    }

    @Test
    void tenThousandIdleConnectionsLeaveTheNodeServingAndAreClosedAtTheIdleTimeout() throws Exception {
        long descriptors = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        assertThat(descriptors)
                .as("file descriptors this test's JVM may open (ulimit -n)")
                .isGreaterThan(11_000);
        Latencies unloaded = bystander();
        long residentBefore = nodeResidentKib();
        double refusedBefore = metric("herd_connections_refused_total");
        List<Socket> idle = new ArrayList<>();
        try {
            long started = System.nanoTime();
            // The node takes at most 1000 connections from one address (herd.listener.max-connections-per-address).
            for (int address = 2; address <= 11; address++) {
                for (int i = 0; i < 1000; i++) {
                    idle.add(connect("127.0.0." + address));
                }
            }
            long openedMillis = (System.nanoTime() - started) / 1_000_000;
            // A connect returns once the kernel has the connection; the node accepts it a moment later.
            await().atMost(Duration.ofSeconds(5)).until(() -> openConnectionsAtNode() >= 10_000);
            Latencies during = bystander();
            long residentWith = nodeResidentKib();
            try (Socket overTheCap = connect("127.0.0.2")) {
                Sockets.assertClosedByNode(overTheCap);
            }

            assertThat(metric("herd_connections_refused_total")).isEqualTo(refusedBefore + 1);
            for (Socket socket : idle) {
                Sockets.assertClosedByNode(socket);
            }
            report(
                    "10,000 idle connections (opened in " + openedMillis + " ms; node " + residentBefore / 1024
                            + " MB resident before, " + residentWith / 1024 + " MB with them)",
                    unloaded,
                    during);
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** A bystander's IAMAT reply times on its own connection, in milliseconds, sorted. */
    private record Latencies(double[] millis) {

        double percentile(double p) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p / 100 * millis.length) - 1)];
        }
    }

    private static Latencies bystander() throws IOException {
        double[] millis = new double[BYSTANDER_ASKS];
        try (LineConnection client = new LineConnection(PORT)) {
            for (int i = 0; i < BYSTANDER_ASKS; i++) {
                long started = System.nanoTime();
                String reply = client.ask("IAMAT bystander +34-118 " + (1520023934 + i));
                millis[i] = (System.nanoTime() - started) / 1e6;
                assertThat(reply).startsWith("AT Alpha ");
            }
        }
        Arrays.sort(millis);
        return new Latencies(millis);
    }

    private static void report(String what, Latencies unloaded, Latencies during) {
        System.out.printf(
                "BadClientsIT: %s. A bystander's IAMAT, %d asked: p50 %.2f ms, p99 %.2f ms alone; "
                        + "p50 %.2f ms, p99 %.2f ms meanwhile (%.1f times)%n",
                what,
                BYSTANDER_ASKS,
                unloaded.percentile(50),
                unloaded.percentile(99),
                during.percentile(50),
                during.percentile(99),
                during.percentile(99) / unloaded.percentile(99));
    }

    private static Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", PORT), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void writeIgnoringReset(Socket socket, byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException closedByNode) {
            // The node closes the connection long before the last byte.
        }
    }

    private static void drip(Socket socket, String text) {
        try {
            for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                socket.getOutputStream().write(b);
                Thread.sleep(1_000);
            }
        } catch (IOException closedByNode) {
            // Expected before the line is done.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void askWithoutReading(Socket socket, AtomicLong linesWritten) {
        byte[] lines = "WHATSAT greedy 50 20\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        try {
            while (true) {
                socket.getOutputStream().write(lines);
                linesWritten.addAndGet(100);
            }
        } catch (IOException closedByNode) {
            // The node has closed the connection: the end of this client.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the node closed the connection after " + line);
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        all.writeBytes(raw);
        all.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private static double metric(String name) throws IOException, InterruptedException {
        return NodeMetrics.read("localhost", HTTP_PORT).counter(name);
    }

    private static int openConnectionsAtNode() throws IOException, InterruptedException {
        HttpResponse<String> ready = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/health/ready"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher connections = CONNECTIONS.matcher(ready.body());
        assertThat(connections.find()).as(ready.body()).isTrue();
        return Integer.parseInt(connections.group(1));
    }

    /** The node's resident memory in KiB, from /proc: the one Payara Micro process serving our HTTP port. */
    private static long nodeResidentKib() throws IOException {
        long pid = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .arguments()
                        .map(args -> String.join(" ", args).contains("--port " + HTTP_PORT))
                        .orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IOException("no process with --port " + HTTP_PORT));
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }
}
