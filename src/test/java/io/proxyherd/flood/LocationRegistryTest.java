package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.protocol.AtLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void clientsWhoseIdsHashAlikeAreKeptApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        AtLine aa = at("AT Welsh +0.100000000 Aa +34.068930-118.445127 2");
        AtLine bb = at("AT Welsh +0.100000000 BB +34.068930-118.445127 1");

        assertThat(registry.offer(aa)).isTrue();
        assertThat(registry.offer(bb)).isTrue();

        assertThat(registry.latest("Aa")).contains(aa);
        assertThat(registry.latest("BB")).contains(bb);
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void anIdIsNotTakenForAnotherThatStartsWithIt() {
        AtLine kiwi = at("AT Welsh +0.100000000 kiwi +34.068930-118.445127 1");
        AtLine kiwiFruit = at("AT Welsh +0.100000000 kiwi-fruit +34.068930-118.445127 2");
        registry.offer(kiwiFruit);

        assertThat(registry.latest("kiwi")).isEmpty();
        assertThat(registry.offer(kiwi)).isTrue();
        assertThat(registry.latest("kiwi")).contains(kiwi);
        assertThat(registry.latest("kiwi-fruit")).contains(kiwiFruit);
    }

    @Test
    void aHundredThousandClientsAreAllFoundAgainWithTheirNewestLine() {
        int clients = 100_000;
        for (int i = 0; i < clients; i++) {
            registry.offer(at("AT Welsh +0.100000000 c" + i + " +34.068930-118.445127 1"));
        }
        for (int i = 0; i < clients; i += 2) {
            registry.offer(at("AT Hands +0.100000000 c" + i + " +34.068930-118.445127 2"));
        }

        assertThat(registry.size()).isEqualTo(clients);
        assertThat(registry.all()).hasSize(clients);
        for (int i = 0; i < clients; i++) {
            assertThat(registry.latest("c" + i))
                    .map(line -> line.clientTime().text())
                    .contains(i % 2 == 0 ? "2" : "1");
        }
    }

    @Test
    void everyChangedClientIsTakenOnceEvenWhenTheRegistryGrewMeanwhile() {
        LocationRegistry noting = LocationRegistry.notingChanges();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            noting.offer(at("AT Welsh +0.100000000 c" + i + " +34.068930-118.445127 1"));
        }
        noting.takeChanged();
        for (int i = 0; i < 5_000; i += 10) {
            String text = "AT Welsh +0.100000000 c" + i + " +34.068930-118.445127 2";
            noting.offer(at(text));
            expected.add(text);
        }
        for (int i = 5_000; i < 20_000; i++) {
            String text = "AT Welsh +0.100000000 c" + i + " +34.068930-118.445127 1";
            noting.offer(at(text));
            expected.add(text);
        }

        assertThat(noting.takeChanged()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(noting.takeChanged()).isEmpty();
    }

    @Test
    void concurrentOffersOfManyClientsLoseNone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int thread = 0; thread < 4; thread++) {
            int first = thread;
            pool.submit(() -> {
                start.await();
                for (int i = first; i < 40_000; i += 4) {
                    registry.offer(at("AT Welsh +0.100000000 c" + i + " +34.068930-118.445127 " + (i + 1)));
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(registry.size()).isEqualTo(40_000);
        for (int i = 0; i < 40_000; i++) {
            assertThat(registry.latest("c" + i))
                    .map(line -> line.clientTime().text())
                    .contains(Integer.toString(i + 1));
        }
    }

    @Test
    void aShorterOrLongerNewerLineReplacesTheOldOneWhole() {
        AtLine longest = at("AT Goloman +0.100000000 kiwi +34.068930-118.445127 1");
        AtLine shorter = at("AT Hands +0.100000000 kiwi +1+1 2");
        AtLine longer = at("AT Holiday +0.100000000 kiwi +34.068930123456-118.445127123456 3");

        registry.offer(longest);
        registry.offer(shorter);
        assertThat(registry.latest("kiwi")).contains(shorter);
        assertThat(registry.texts()).containsExactly(shorter.text());

        registry.offer(longer);
        assertThat(registry.latest("kiwi")).contains(longer);
        assertThat(registry.holds(longer)).isTrue();
    }

    @Test
    void idsBeyondAsciiAreKeptAndFoundAsWritten() {
        String id = "cl\u00e9-\u5317\u4eac-\ud83d\ude00";
        AtLine beyondAscii = at("AT Welsh +0.100000000 " + id + " +34.068930-118.445127 1");
        AtLine plain = at("AT Welsh +0.100000000 cle +34.068930-118.445127 1");

        registry.offer(beyondAscii);
        registry.offer(plain);

        assertThat(registry.latest(id)).contains(beyondAscii);
        assertThat(registry.latest("cle")).contains(plain);
        assertThat(registry.latest("cl\u00e9")).isEmpty();
    }

    @Test
    void writeToWritesEveryLineOnceInUtf8() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String text = "AT Welsh +0.100000000 c\u00e9" + i + " +34.068930-118.445127 " + (i + 1);
            registry.offer(at(text));
            expected.add(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int written = registry.writeTo(out);

        assertThat(written).isEqualTo(1_000);
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n");
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).containsExactlyInAnyOrderElementsOf(expected);
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
