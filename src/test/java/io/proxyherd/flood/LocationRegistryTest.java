package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.protocol.AtLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocationRegistryTest {

    private final LocationRegistry registry = new LocationRegistry();

    @Test
    void theFirstLineForAClientIsKept() {
        AtLine line = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1520023934.918963997");

        assertThat(registry.offer(line)).isTrue();
        assertThat(registry.latest("kiwi")).contains(line);
    }

    @Test
    void aStrictlyNewerClientTimeWinsEvenInTheNinthDigit() {
        AtLine older = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1520023934.918963997");
        AtLine newer = at("AT Hands +0.100000000 kiwi +01.000000+001.000000 1520023934.918963998");
        registry.offer(older);

        assertThat(registry.offer(newer)).isTrue();
        assertThat(registry.offer(older)).isFalse();
        assertThat(registry.latest("kiwi")).contains(newer);
    }

    @Test
    void timesAreComparedAsNumbersNotAsText() {
        AtLine nine = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 9.5");
        AtLine ten = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 10.25");
        registry.offer(ten);

        assertThat(registry.offer(nine)).isFalse();
        assertThat(registry.latest("kiwi")).contains(ten);
    }

    @Test
    void theSameLineAgainChangesNothing() {
        AtLine line = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1520023934.918963997");
        registry.offer(line);

        assertThat(registry.offer(at(line.text()))).isFalse();
    }

    @Test
    void equalTimesEndWithTheSameRecordWhateverOrderTheyArrive() {
        AtLine fromWelsh = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1520023934.9");
        AtLine fromHands = at("AT Hands +0.200000000 kiwi +34.068930-118.445127 1520023934.900");
        LocationRegistry other = new LocationRegistry();

        registry.offer(fromWelsh);
        registry.offer(fromHands);
        other.offer(fromHands);
        other.offer(fromWelsh);

        assertThat(registry.latest("kiwi")).isEqualTo(other.latest("kiwi"));
    }

    @Test
    void clientsAreKeptApart() {
        registry.offer(at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 2"));
        registry.offer(at("AT Welsh +0.100000000 apple +34.068930-118.445127 1"));

        assertThat(registry.latest("apple"))
                .map(AtLine::clientTime)
                .map(time -> time.text())
                .contains("1");
        assertThat(registry.latest("pear")).isEmpty();
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void underConcurrentOffersTheNewestWins() throws Exception {
        List<AtLine> lines = new ArrayList<>();
        for (int i = 1; i <= 2_000; i++) {
            lines.add(at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 " + i));
        }
        Collections.shuffle(lines);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (AtLine line : lines) {
            pool.submit(() -> {
                start.await();
                return registry.offer(line);
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(registry.latest("kiwi"))
                .map(line -> line.clientTime().text())
                .contains("2000");
    }

    @Test
    void holdsTellsWhetherALineIsExactlyTheLatest() {
        AtLine line = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 5");
        registry.offer(line);

        assertThat(registry.holds(line)).isTrue();
        assertThat(registry.holds(at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 4")))
                .isFalse();
    }

    private static AtLine at(String text) {
        return AtLine.parse(text).orElseThrow(() -> new AssertionError("not an AT line: " + text));
    }

    @Test
    void newestListsTheNewestMatchingClientsFirstAndCountsEveryMatch() {
        for (int i = 0; i < 50; i++) {
            registry.offer(at("AT Welsh +0.100000000 client-" + i + " +34.068930-118.445127 " + (1000 + (i * 7) % 50)));
        }
        registry.offer(at("AT Welsh +0.100000000 other +34.068930-118.445127 5000"));
        registry.offer(at("AT Welsh +0.100000000 client-tie +34.068930-118.445127 1049"));

        LocationRegistry.Newest newest = registry.newest(id -> id.startsWith("client-"), 3);

        assertThat(newest.matched()).isEqualTo(51);
        assertThat(newest.lines()).extracting(AtLine::clientId).containsExactly("client-7", "client-tie", "client-14");
        assertThat(registry.newest(id -> true, 0).lines()).isEmpty();
        assertThat(registry.newest(id -> true, 0).matched()).isEqualTo(52);
    }

    @Test
    void allIsWhatWasKnownWhenAsked() {
        AtLine kiwi = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 2");
        registry.offer(kiwi);

        List<AtLine> known = registry.all();
        registry.offer(at("AT Welsh +0.100000000 apple +34.068930-118.445127 1"));

        assertThat(known).containsExactly(kiwi);
    }
}
