package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStateTest {

    @Test
    void statesTravelAsNameEqualsWordInTheHerdsOrder() {
        Map<String, NodeState> states = new LinkedHashMap<>();
        states.put("Welsh", NodeState.STOPPED);
        states.put("Goloman", NodeState.RUNNING);
        states.put("Hands", NodeState.DIED);

        String line = NodeState.format(states);

        assertThat(line).isEqualTo("Welsh=stopped Goloman=running Hands=died");
        assertThat(NodeState.parse(line)).containsExactlyEntriesOf(states);
    }

    @Test
    void wordsFromANewerHerdAreLeftOut() {
        assertThat(NodeState.parse("Welsh=hibernating Hands=killed"))
                .containsExactlyEntriesOf(Map.of("Hands", NodeState.KILLED));
    }

    @Test
    void onlyStopAndKillAreDownOnPurpose() {
        assertThat(NodeState.values())
                .filteredOn(NodeState::downOnPurpose)
                .containsExactly(NodeState.STOPPED, NodeState.KILLED);
    }
}
