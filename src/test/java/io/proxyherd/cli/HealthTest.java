package io.proxyherd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.launcher.NodeState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void aNodeThatServesIsUpWhateverTheHerdThinks() {
        assertThat(Health.of(true, Optional.empty())).isEqualTo(Health.UP);
        assertThat(Health.of(true, Optional.of(NodeState.STARTING))).isEqualTo(Health.UP);
    }

    @Test
    void withoutARunningHerdANodeThatDoesNotServeIsDown() {
        assertThat(Health.of(false, Optional.empty())).isEqualTo(Health.DOWN);
    }

    @Test
    void stoppedAndKilledOnPurposeAreNotFailures() {
        assertThat(Health.of(false, Optional.of(NodeState.STOPPED)))
                .isEqualTo(Health.STOPPED)
                .matches(health -> !health.failing());
        assertThat(Health.of(false, Optional.of(NodeState.KILLED)))
                .isEqualTo(Health.KILLED)
                .matches(health -> !health.failing());
    }

    @Test
    void aDeadNodeIsDownAndAStartingOneIsNotServingYet() {
        assertThat(Health.of(false, Optional.of(NodeState.DIED)))
                .isEqualTo(Health.DOWN)
                .matches(Health::failing);
        assertThat(Health.of(false, Optional.of(NodeState.FAILED))).isEqualTo(Health.DOWN);
        assertThat(Health.of(false, Optional.of(NodeState.RUNNING))).isEqualTo(Health.DOWN);
        assertThat(Health.of(false, Optional.of(NodeState.STARTING)))
                .isEqualTo(Health.STARTING)
                .matches(Health::failing);
    }
}
