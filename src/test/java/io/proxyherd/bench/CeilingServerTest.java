package io.proxyherd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.support.LineConnection;
import io.proxyherd.support.OneShotClient;
import org.junit.jupiter.api.Test;

class CeilingServerTest {

    private static final String IAMAT = "IAMAT kiwi.cs.ucla.edu +34.068930-118.445127 1479413884.392014450";

    @Test
    void answersAnIamatWithTheAtLineANodeWouldBuild() throws Exception {
        try (CeilingServer server = CeilingServer.start();
                LineConnection client = new LineConnection(server.port())) {
            assertThat(client.ask(IAMAT))
                    .matches(
                            "AT Ceiling \\+\\d+\\.\\d{9} kiwi\\.cs\\.ucla\\.edu \\+34\\.068930-118\\.445127 1479413884\\.392014450\n");
        }
    }

    @Test
    void answersAnythingElseWithAQuestionMark() throws Exception {
        try (CeilingServer server = CeilingServer.start();
                LineConnection client = new LineConnection(server.port())) {
            assertThat(client.ask("WHATSAT kiwi.cs.ucla.edu 10 5")).isEqualTo("? WHATSAT kiwi.cs.ucla.edu 10 5\n");
        }
    }

    @Test
    void answersAOneShotClientAndCloses() throws Exception {
        try (CeilingServer server = CeilingServer.start()) {
            assertThat(OneShotClient.exchange(server.port(), IAMAT + "\n" + IAMAT + "\n"))
                    .startsWith("AT Ceiling ")
                    .hasLineCount(2);
        }
    }
}
