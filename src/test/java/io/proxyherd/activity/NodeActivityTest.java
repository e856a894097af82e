package io.proxyherd.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeActivityTest {

    private static final long T0 = 1_764_000_000_000L;

    private final List<String> reported = new ArrayList<>();
    private final ActivitySink sink = new ActivitySink() {
        @Override
        public void counted(Count count, long n) {
            reported.add(count.metric() + "+" + n);
        }

        @Override
        public void timed(Timing timing, long nanos) {
            reported.add(timing.metric() + "=" + nanos);
        }
    };
    private final NodeActivity activity = new NodeActivity(Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC), sink);

    @Test
    void totalsCountEveryKindAndTheSinkHearsOfEach() {
        activity.count(Count.IAMAT);
        activity.count(Count.FLOOD_OUT, 4);
        activity.time(Timing.IAMAT_REPLY, 1_500_000);

        NodeActivity.Snapshot snapshot = activity.snapshot();

        assertThat(snapshot.totals())
                .containsEntry(Count.IAMAT, 1L)
                .containsEntry(Count.FLOOD_OUT, 4L)
                .containsEntry(Count.WHATSAT, 0L)
                .hasSize(Count.values().length);
        assertThat(snapshot.latencies().get(Timing.IAMAT_REPLY).count()).isEqualTo(1);
        assertThat(snapshot.history().get(59).count(Count.FLOOD_OUT)).isEqualTo(4);
        assertThat(reported).containsExactly("herd_iamat+1", "herd_flood_out+4", "herd_iamat_reply=1500000");
    }

    @Test
    void aFloodedUpdateIsCountedAndTimedFromItsOriginsStamp() {
        activity.floodReceived(T0 - 40);
        activity.floodReceived(0);

        NodeActivity.Snapshot snapshot = activity.snapshot();

        assertThat(snapshot.totals()).containsEntry(Count.FLOOD_IN, 2L);
        assertThat(snapshot.latencies().get(Timing.FLOOD_DELIVERY).count()).isEqualTo(1);
        assertThat(snapshot.latencies().get(Timing.FLOOD_DELIVERY).max()).isCloseTo(40.0, within(0.5));
        assertThat(reported).contains("herd_flood_delivery=" + TimeUnit.MILLISECONDS.toNanos(40));
    }

    @Test
    void placesLookupsAndCallsAreCountedWithTheirFailures() {
        activity.cacheLookup(true);
        activity.cacheLookup(false);
        activity.called(true);
        activity.called(false);

        assertThat(activity.snapshot().totals())
                .containsEntry(Count.CACHE_HITS, 1L)
                .containsEntry(Count.CACHE_MISSES, 1L)
                .containsEntry(Count.PLACES_CALLS, 2L)
                .containsEntry(Count.PLACES_FAILURES, 1L);
    }

    @Test
    void unreadableFloodMessagesAreCountedAndTheLatestFewKept() {
        for (int i = 1; i <= NodeActivity.RECENT_UNREADABLE + 2; i++) {
            activity.unreadableFloodMessage("Holiday", "ID:" + i, "problem " + i);
        }

        NodeActivity.Snapshot snapshot = activity.snapshot();

        assertThat(snapshot.totals()).containsEntry(Count.FLOOD_UNREADABLE, (long) NodeActivity.RECENT_UNREADABLE + 2);
        assertThat(snapshot.recentUnreadable()).hasSize(NodeActivity.RECENT_UNREADABLE);
        assertThat(snapshot.recentUnreadable().get(0))
                .isEqualTo(new UnreadableMessage(
                        T0, "Holiday", "ID:" + (NodeActivity.RECENT_UNREADABLE + 2), "problem 12"));
        assertThat(snapshot.recentUnreadable()
                        .get(NodeActivity.RECENT_UNREADABLE - 1)
                        .messageId())
                .isEqualTo("ID:3");
        assertThat(reported).contains("herd_flood_unreadable+1");
    }

    @Test
    void ratesCoverOnlyTheLineAndFloodCounts() {
        assertThat(activity.snapshot().rates().keySet()).containsExactlyElementsOf(Count.FLOWS);
    }
}
