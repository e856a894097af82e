package io.proxyherd.flood;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnfinishedBatchesTest {

    private final UnfinishedBatches batches = new UnfinishedBatches();

    @Test
    void aBatchBegunAndNotFinishedIsKnownWhenItComesAgain() {
        assertThat(batches.begin("ID:1")).isFalse();
        // Delivered again while the first attempt still waits, or after it failed.
        assertThat(batches.begin("ID:1")).isTrue();
        assertThat(batches.begin("ID:2")).isFalse();
    }

    @Test
    void aFinishedBatchIsAPlainDuplicateWhenItComesAgain() {
        batches.begin("ID:1");
        batches.finished("ID:1");

        assertThat(batches.begin("ID:1")).isFalse();
    }

    @Test
    void pastTheLimitTheOldestAreForgotten() {
        for (int i = 0; i <= UnfinishedBatches.LIMIT; i++) {
            batches.begin("ID:" + i);
        }

        assertThat(batches.begin("ID:1")).isTrue();
        assertThat(batches.begin("ID:" + UnfinishedBatches.LIMIT)).isTrue();
        assertThat(batches.begin("ID:0")).as("the oldest, forgotten").isFalse();
    }
}
