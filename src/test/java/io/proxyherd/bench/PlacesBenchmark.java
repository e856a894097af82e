package io.proxyherd.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.proxyherd.bench.Figures.now;
import static io.proxyherd.bench.Figures.report;
import static io.proxyherd.bench.Figures.sorted;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.proxyherd.launcher.HerdFiles;
import io.proxyherd.launcher.LocalHerd;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.PlacesStandIn;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What WHATSAT costs, printed, never asserted: the latency a node adds over the Places stand-in's own,
 * a cache hit's latency, and what 200 concurrent WHATSATs against a stand-in that answers in 2 s do to
 * IAMAT latency on the same node. Run with {@code ./mvnw verify -Pbenchmark -Dit.test=PlacesBenchmark}.
 */
class PlacesBenchmark {

    private static final int SAMPLES = 300;
    private static final int BURST = 200;

    @Test
    void printFigures() throws Exception {
        Path state = Path.of("target", "places-bench");
        HerdFiles files = HerdFiles.inCheckout(Path.of("").toAbsolutePath())
                .withState(state.resolve("data"), state.resolve("logs"));
        try (PlacesStandIn places = new PlacesStandIn(0)) {
            // Radius 2 km (2000 m) answers after 2 s: the slow Google of the burst.
            places.server()
                    .stubFor(get(urlPathEqualTo(PlacesStandIn.PATH))
                            .atPriority(1)
                            .withQueryParam("radius", equalTo("2000"))
                            .willReturn(aResponse()
                                    .withFixedDelay(2_000)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody(PlacesStandIn.fixture("standin/nearby-ucla.json"))));
            try (LocalHerd herd = LocalHerd.start(
                    files,
                    Map.of(
                            "PLACES_BASE_URL",
                            places.baseUrl(),
                            "PLACES_API_KEY",
                            PlacesStandIn.KEY,
                            "PLACES_PROVIDER",
                            "legacy"),
                    Duration.ofMinutes(5),
                    node -> {})) {
                int port = herd.topology().node("Hands").clientPort();
                try (LineConnection client = new LineConnection(port)) {
                    whatsats(client, SAMPLES, "warm", 0, false);
                    long[] direct = direct(places, client, SAMPLES);
                    long[] misses = whatsats(client, SAMPLES, "miss", 1_000, false);
                    long[] hits = whatsats(client, SAMPLES, "miss", 1_000, true);
                    report(
                            "stand-in answering directly, after an IAMAT, p50 / p99",
                            "%.2f / %.2f ms",
                            p(direct, 50),
                            p(direct, 99));
                    report(
                            "WHATSAT through Hands, cache miss, p50 / p99",
                            "%.2f / %.2f ms",
                            p(misses, 50),
                            p(misses, 99));
                    report(
                            "  added by the node, p50 / p99",
                            "%.2f / %.2f ms",
                            p(misses, 50) - p(direct, 50),
                            p(misses, 99) - p(direct, 99));
                    report("WHATSAT through Hands, cache hit, p50 / p99", "%.2f / %.2f ms", p(hits, 50), p(hits, 99));
                }
                burst(port, places);
            }
        }
    }

    /** WHATSATs for clients at distinct positions (so each misses the cache the first time), or again (hits). */
    private static long[] whatsats(LineConnection client, int count, String prefix, int cell, boolean again)
            throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            if (!again) {
                client.ask("IAMAT " + id + " " + position(cell + i) + " " + now());
            }
            long sent = System.nanoTime();
            String reply = client.askWhatsAt("WHATSAT " + id + " 10 5");
            times.add(System.nanoTime() - sent);
            if (!reply.contains("\"status\" : \"OK\"")) {
                throw new IllegalStateException("unexpected reply " + reply);
            }
        }
        return sorted(times);
    }

    /** Straight to the stand-in, each call right after an IAMAT as in the cache-miss loop: both amid the same flooding. */
    private static long[] direct(PlacesStandIn places, LineConnection client, int count) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            client.ask("IAMAT direct-" + i + " " + position(2_000 + i) + " " + now());
            long sent = System.nanoTime();
            HttpURLConnection http = (HttpURLConnection)
                    URI.create(places.baseUrl() + "?location=34.1,-118.4&radius=10000&key=" + PlacesStandIn.KEY)
                            .toURL()
                            .openConnection();
            try (InputStream body = http.getInputStream()) {
                body.readAllBytes();
            }
            times.add(System.nanoTime() - sent);
        }
        return sorted(times);
    }

    /** 200 WHATSATs at once against the slow stand-in, while one client keeps sending IAMATs. */
    private static void burst(int port, PlacesStandIn places) throws Exception {
        long[] before = iamats(port, Duration.ofSeconds(3), new AtomicBoolean(true));
        ExecutorService pool = Executors.newFixedThreadPool(BURST + 1);
        AtomicBoolean bursting = new AtomicBoolean(true);
        Future<long[]> during = pool.submit(() -> iamats(port, Duration.ofSeconds(30), bursting));
        List<Future<String>> replies = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                try (LineConnection client = new LineConnection(port, Duration.ofSeconds(60))) {
                    client.ask("IAMAT burst-" + n + " " + position(n) + " " + now());
                    return client.askWhatsAt("WHATSAT burst-" + n + " 2 5");
                }
            }));
        }
        int ok = 0;
        int refused = 0;
        for (Future<String> reply : replies) {
            String text = reply.get();
            ok += text.contains("\"status\" : \"OK\"") ? 1 : 0;
            refused += text.contains("too many Places calls in flight") ? 1 : 0;
        }
        double burstSeconds = (System.nanoTime() - started) / 1e9;
        bursting.set(false);
        long[] iamats = during.get();
        pool.shutdown();
        report("IAMAT on Hands before the burst, p50 / p99", "%.2f / %.2f ms", p(before, 50), p(before, 99));
        report(
                BURST + " WHATSATs at once, stand-in answers in 2 s",
                "%d OK, %d refused at the bound, %d other, all in %.1f s",
                ok,
                refused,
                BURST - ok - refused,
                burstSeconds);
        report("  most burst calls the stand-in held at once", "%d", peakInFlight(places));
        report(
                "IAMAT on Hands during the burst, p50 / p99 / max",
                "%.2f / %.2f / %.2f ms",
                p(iamats, 50),
                p(iamats, 99),
                iamats[iamats.length - 1] / 1e6);
    }

    /** The most slow (radius 2000) calls the stand-in was answering at one moment, from its request journal. */
    private static int peakInFlight(PlacesStandIn places) {
        List<long[]> edges = new ArrayList<>();
        for (ServeEvent call : places.server().getAllServeEvents()) {
            QueryParameter radius = call.getRequest().queryParameter("radius");
            if (radius.isPresent() && radius.firstValue().equals("2000")) {
                long start = call.getRequest().getLoggedDate().getTime();
                Integer took = call.getTiming().getTotalTime();
                edges.add(new long[] {start, 1});
                edges.add(new long[] {start + (took == null ? 2_000 : took), -1});
            }
        }
        // An answer ending at the moment another call arrives is no longer in flight.
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int now = 0;
        int most = 0;
        for (long[] edge : edges) {
            now += (int) edge[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static long[] iamats(int port, Duration most, AtomicBoolean running) throws Exception {
        List<Long> times = new ArrayList<>();
        long end = System.nanoTime() + most.toNanos();
        try (LineConnection client = new LineConnection(port)) {
            for (int i = 0; running.get() && System.nanoTime() < end; i++) {
                long sent = System.nanoTime();
                client.ask("IAMAT steady " + position(i) + " " + now());
                times.add(System.nanoTime() - sent);
                Thread.sleep(5);
            }
        }
        return sorted(times);
    }

    /** Distinct positions around Westwood, far enough apart to fall in different cache cells. */
    private static String position(int i) {
        return String.format(Locale.ROOT, "%+010.6f%+011.6f", 34.0 + (i % 100) * 0.002, -118.4 - (i / 100) * 0.002);
    }

    private static double p(long[] sorted, int percent) {
        return Figures.percentile(sorted, percent) / 1e6;
    }
}
