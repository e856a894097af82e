package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnfinishedBatchesTest {

    private final UnfinishedBatches batches = new UnfinishedBatches();

    @Test
    void aBatchWhoseForwardFailedIsKnownUntilItIsFinished() {
        assertThat(batches.failedBefore("ID:1")).isFalse();

        batches.failed("ID:1");
        assertThat(batches.failedBefore("ID:1")).isTrue();
        assertThat(batches.failedBefore("ID:2")).isFalse();

        batches.finished("ID:1");
        assertThat(batches.failedBefore("ID:1")).isFalse();
    }

    @Test
    void pastTheLimitTheOldestAreForgotten() {
        for (int i = 0; i <= UnfinishedBatches.LIMIT; i++) {
            batches.failed("ID:" + i);
        }

        assertThat(batches.failedBefore("ID:0")).isFalse();
        assertThat(batches.failedBefore("ID:1")).isTrue();
        assertThat(batches.failedBefore("ID:" + UnfinishedBatches.LIMIT)).isTrue();
    }
}
