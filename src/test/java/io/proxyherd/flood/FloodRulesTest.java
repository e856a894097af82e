package io.proxyherd.flood;

import static io.proxyherd.flood.FloodCodecTest.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.protocol.AtLine;
import io.proxyherd.topology.LocalNode;
import io.proxyherd.topology.NodeAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Holiday, linked with Goloman, Welsh and Wilkes, as in the default herd. */
class FloodRulesTest {

    private final LocationRegistry registry = new LocationRegistry();
    private final RecordingLinks links = new RecordingLinks();
    private final FloodRules rules = new FloodRules(
            new LocalNode(new NodeAddress("Holiday", "localhost", 12002, 12082), Set.of("Goloman", "Welsh", "Wilkes")),
            registry,
            links);

    @Test
    void aClientsReportIsNewsOnceAndStaysKnown() {
        AtLine line = at("kiwi", "1700000000.000000001");

        assertThat(rules.originate(line)).isTrue();
        assertThat(rules.originate(line)).isFalse();
        assertThat(registry.latest("kiwi")).contains(line);
    }

    @Test
    void aBatchsNewsGoesOnToEveryNeighbourButItsSenderInOneSend() {
        List<Update> batch = List.of(update("kiwi", 5), update("apple", 6));

        List<Update> forwarded = rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, batch, false);

        assertThat(forwarded).isEqualTo(batch);
        assertThat(links.sent)
                .containsExactly(new RecordingLinks.Sent(
                        Lane.LIVE,
                        Set.of("Goloman", "Wilkes"),
                        Set.of("Welsh", "Holiday", "Goloman", "Wilkes"),
                        batch));
        assertThat(registry.latest("kiwi")).contains(batch.get(0).line());
    }

    @Test
    void newsGoesOnlyToNeighboursThatDoNotHoldItYetAndSaysWhoHoldsItThen() {
        List<Update> batch = List.of(update("kiwi", 5));

        // Goloman stored it for Hands and Wilkes too, and for this node: only Welsh has yet to get it.
        List<Update> forwarded =
                rules.receive("Goloman", Set.of("Goloman", "Hands", "Wilkes", "Holiday"), Lane.LIVE, batch, false);

        assertThat(forwarded).isEqualTo(batch);
        assertThat(links.sent)
                .containsExactly(new RecordingLinks.Sent(
                        Lane.LIVE, Set.of("Welsh"), Set.of("Goloman", "Hands", "Holiday", "Welsh", "Wilkes"), batch));
    }

    @Test
    void newsEveryNeighbourHoldsAlreadyIsKeptAndGoesNowhere() {
        Update update = update("kiwi", 5);

        List<Update> forwarded = rules.receive(
                "Goloman", Set.of("Goloman", "Welsh", "Wilkes", "Holiday"), Lane.LIVE, List.of(update), false);

        assertThat(forwarded).containsExactly(update);
        assertThat(links.sent).isEmpty();
        assertThat(registry.latest("kiwi")).contains(update.line());
    }

    @Test
    void theSenderIsTakenToHoldTheBatchEvenIfItDoesNotSaySo() {
        List<Update> batch = List.of(update("kiwi", 5));

        rules.receive("Welsh", Set.of(), Lane.LIVE, batch, false);

        assertThat(links.sent)
                .singleElement()
                .satisfies(sent -> assertThat(sent.nodes()).containsExactlyInAnyOrder("Goloman", "Wilkes"));
    }

    @Test
    void onlyTheNewsOfABatchIsForwardedAndStaleRecordsStopHere() {
        Update known = new Update(at("kiwi", "1700000000.000000005"), 1);
        registry.offer(known.line());
        Update stale = new Update(at("kiwi", "1700000000.000000004"), 2);
        Update news = new Update(at("apple", "1700000000.000000004"), 3);

        List<Update> forwarded =
                rules.receive("Goloman", Set.of("Goloman"), Lane.LIVE, List.of(stale, news, known), false);

        assertThat(forwarded).containsExactly(news);
        assertThat(links.sent)
                .singleElement()
                .satisfies(sent -> assertThat(sent.updates()).containsExactly(news));
        assertThat(registry.latest("kiwi")).contains(known.line());
    }

    @Test
    void aBatchWithNothingNewSendsNothing() {
        Update update = update("kiwi", 5);
        registry.offer(update.line());

        assertThat(rules.receive("Goloman", Set.of("Goloman"), Lane.LIVE, List.of(update), false))
                .isEmpty();
        assertThat(links.sent).isEmpty();
    }

    @Test
    void twoUpdatesOfOneClientInABatchForwardOnlyTheNewer() {
        Update older = new Update(at("kiwi", "1700000000.000000001"), 1);
        Update newer = new Update(at("kiwi", "1700000000.000000002"), 2);

        assertThat(rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, List.of(older, newer), false))
                .containsExactly(newer);
        assertThat(rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, List.of(newer, older), false))
                .isEmpty();
    }

    @Test
    void onEqualClientTimesTheSmallerLineWinsWhicheverArrivesFirst() {
        Update fromHands = new Update(
                AtLine.parse("AT Hands +0.000000001 kiwi +1+1 1700000000.5").orElseThrow(), 1);
        Update fromWelsh = new Update(
                AtLine.parse("AT Welsh +0.000000001 kiwi +1+1 1700000000.5").orElseThrow(), 1);

        assertThat(rules.receive("Goloman", Set.of("Goloman"), Lane.LIVE, List.of(fromWelsh), false))
                .containsExactly(fromWelsh);
        assertThat(rules.receive("Wilkes", Set.of("Wilkes"), Lane.LIVE, List.of(fromHands), false))
                .containsExactly(fromHands);
        assertThat(rules.receive("Goloman", Set.of("Goloman"), Lane.LIVE, List.of(fromWelsh), false))
                .isEmpty();
        assertThat(registry.latest("kiwi")).contains(fromHands.line());
    }

    @Test
    void aRedeliveredBatchForwardsAgainWhatThisNodeStillHolds() {
        Update update = update("kiwi", 5);
        links.failing = true;
        assertThatThrownBy(() -> rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, List.of(update), false))
                .isInstanceOf(FloodLinks.LinkFailure.class);
        links.failing = false;

        assertThat(rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, List.of(update), true))
                .containsExactly(update);
        assertThat(links.sent)
                .singleElement()
                .satisfies(sent -> assertThat(sent.nodes()).containsExactlyInAnyOrder("Goloman", "Wilkes"));
    }

    @Test
    void aRedeliveredBatchDoesNotForwardWhatANewerUpdateReplaced() {
        Update update = new Update(at("kiwi", "1700000000.000000001"), 1);
        registry.offer(at("kiwi", "1700000000.000000002"));

        assertThat(rules.receive("Welsh", Set.of("Welsh"), Lane.LIVE, List.of(update), true))
                .isEmpty();
    }

    @Test
    void catchUpNewsTravelsOnTheCatchUpLane() {
        List<Update> batch = List.of(Update.unstamped(at("kiwi", "1700000000.000000001")));

        rules.receive("Goloman", Set.of("Goloman"), Lane.CATCH_UP, batch, false);

        assertThat(links.sent)
                .containsExactly(new RecordingLinks.Sent(
                        Lane.CATCH_UP,
                        Set.of("Welsh", "Wilkes"),
                        Set.of("Goloman", "Holiday", "Welsh", "Wilkes"),
                        batch));
    }

    @Test
    void aCatchUpAnswerIsEverythingKnownUnstampedToTheAskerOnly() {
        AtLine kiwi = at("kiwi", "1700000000.000000001");
        AtLine apple = at("apple", "1700000000.000000002");
        registry.offer(kiwi);
        registry.offer(apple);

        assertThat(rules.answerCatchUp("Welsh")).isEqualTo(2);

        assertThat(links.sent).singleElement().satisfies(sent -> {
            assertThat(sent.lane()).isEqualTo(Lane.CATCH_UP);
            assertThat(sent.nodes()).containsExactly("Welsh");
            assertThat(sent.heldBy()).containsExactlyInAnyOrder("Holiday", "Welsh");
            assertThat(sent.updates()).containsExactlyInAnyOrder(Update.unstamped(kiwi), Update.unstamped(apple));
        });
    }

    @Test
    void aCatchUpRequestFromANonNeighbourIsRefused() {
        assertThatThrownBy(() -> rules.answerCatchUp("Hands"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hands");
        assertThat(links.sent).isEmpty();
    }

    @Test
    void aNodeThatKnowsNothingAnswersACatchUpWithNoMessage() {
        assertThat(rules.answerCatchUp("Welsh")).isZero();
        assertThat(links.sent).isEmpty();
    }

    private static AtLine at(String client, String time) {
        return AtLine.parse("AT Welsh +0.000123456 " + client + " +34.068930-118.445127 " + time)
                .orElseThrow();
    }
}
