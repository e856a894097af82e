package io.proxyherd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxyherd.launcher.ControlRequest.Verb;
import org.junit.jupiter.api.Test;

class ControlRequestTest {

    @Test
    void aVerbAndANode() {
        assertThat(ControlRequest.parse("stop Welsh")).isEqualTo(new ControlRequest(Verb.STOP, "Welsh"));
        assertThat(ControlRequest.parse("kill Holiday")).isEqualTo(new ControlRequest(Verb.KILL, "Holiday"));
        assertThat(ControlRequest.parse("start Welsh")).isEqualTo(new ControlRequest(Verb.START, "Welsh"));
        assertThat(ControlRequest.parse("restart Welsh")).isEqualTo(new ControlRequest(Verb.RESTART, "Welsh"));
    }

    @Test
    void statusAlone() {
        assertThat(ControlRequest.parse("status")).isEqualTo(new ControlRequest(Verb.STATUS, null));
    }

    @Test
    void spacesAroundAndBetweenDoNotMatter() {
        assertThat(ControlRequest.parse("  stop \t Welsh \r")).isEqualTo(new ControlRequest(Verb.STOP, "Welsh"));
    }

    @Test
    void aRequestPrintsAsItsLine() {
        assertThat(new ControlRequest(Verb.RESTART, "Welsh").line()).isEqualTo("restart Welsh");
        assertThat(new ControlRequest(Verb.STATUS, null).line()).isEqualTo("status");
    }

    @Test
    void verbsAreLowerCase() {
        assertThatThrownBy(() -> ControlRequest.parse("STOP Welsh"))
                .hasMessage("unknown request 'STOP'; expected one of stop, kill, start, restart, status");
    }

    @Test
    void anEmptyLineSaysWhatIsExpected() {
        assertThatThrownBy(() -> ControlRequest.parse("  "))
                .hasMessage("empty request; expected one of stop, kill, start, restart, status");
    }

    @Test
    void aNodeVerbNeedsExactlyOneName() {
        assertThatThrownBy(() -> ControlRequest.parse("stop"))
                .hasMessage("stop needs one node name, as in 'stop Welsh'");
        assertThatThrownBy(() -> ControlRequest.parse("kill Welsh Holiday"))
                .hasMessage("kill needs one node name, as in 'kill Welsh'");
    }

    @Test
    void statusTakesNoName() {
        assertThatThrownBy(() -> ControlRequest.parse("status Welsh")).hasMessage("status takes no arguments");
    }

    @Test
    void aLineOverTheLimitIsRefused() {
        assertThatThrownBy(() -> ControlRequest.parse("stop " + "W".repeat(ControlRequest.MAX_LINE)))
                .hasMessage("request longer than 256 characters");
    }
}
