package io.proxyherd.flood;

import static io.proxyherd.flood.FloodCodecTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.protocol.AtLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingUpdatesTest {

    private final PendingUpdates pending = new PendingUpdates();

    @Test
    void takesUpToTheBatchAndLeavesTheRest() {
        for (int i = 0; i < 5; i++) {
            pending.add(update("client-" + i, i));
        }

        assertThat(pending.take(3)).hasSize(3);
        assertThat(pending.size()).isEqualTo(2);
        assertThat(pending.take(3)).hasSize(2);
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void theLongestWaitingGoFirstAndANewerUpdateKeepsItsClientsPlace() {
        List<Update> first = List.of(update("client-0", 0), update("client-1", 1), update("client-2", 2));
        first.forEach(pending::add);
        Update newerOfTheFirst = new Update(
                AtLine.parse("AT Welsh +0.000123456 client-0 +34.068930-118.445127 1700000000.000000002")
                        .orElseThrow(),
                3);
        pending.add(newerOfTheFirst);

        assertThat(pending.take(2)).containsExactly(newerOfTheFirst, first.get(1));
        assertThat(pending.take(2)).containsExactly(first.get(2));
    }

    @Test
    void onlyEachClientsNewestUpdateWaitsWhateverOrderTheyCameIn() {
        Update older = new Update(at("1700000000.000000001"), 1);
        Update newer = new Update(at("1700000000.000000002"), 2);

        pending.add(newer);
        pending.add(older);

        assertThat(pending.take(10)).containsExactly(newer);
    }

    @Test
    void aBatchGivenBackWaitsAgainUnlessANewerUpdateCameMeanwhile() {
        Update older = new Update(at("1700000000.000000001"), 1);
        Update newer = new Update(at("1700000000.000000002"), 2);
        Update other = update("other", 3);
        pending.add(older);
        pending.add(other);
        List<Update> taken = pending.take(10);

        pending.add(newer);
        pending.giveBack(taken);

        assertThat(pending.take(10)).containsExactlyInAnyOrder(newer, other);
    }

    private static AtLine at(String time) {
        return AtLine.parse("AT Welsh +0.000123456 kiwi +34.068930-118.445127 " + time)
                .orElseThrow();
    }
}
