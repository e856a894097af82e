package io.proxyherd.listener;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeDeployment;
import io.proxyherd.support.OneShotClient;
import io.proxyherd.support.PlacesStandIn;
import io.proxyherd.support.TestBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client port of a real node (Alpha of it/herd.properties), over real sockets. */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class ListenerIT {

    private static final int PORT = 12100;
    private static final Pattern AT_REPLY = Pattern.compile("AT Alpha ([+-]\\d+\\.\\d{9}) (\\S+) (\\S+) (\\S+)\n");

    private static PlacesStandIn places;

    @Deployment(testable = false)
    static WebArchive node() {
        return NodeDeployment.war();
    }

    @BeforeAll
    static void startPlaces() {
        places = new PlacesStandIn(12190);
    }

    @AfterAll
    static void stopPlaces() {
        places.close();
    }

    @Test
    void iamatIsAnsweredWithTheServersTimeDifferenceAndTheClientsFieldsAsWritten() throws Exception {
        String clientTime = Instant.now().getEpochSecond() + ".5";
        String reply;
        try (LineConnection client = new LineConnection(PORT)) {
            reply = client.ask("IAMAT \t kiwi.cs.ucla.edu   +34.068930-118.445127\u000B" + clientTime + "  ");
        }

        Matcher at = AT_REPLY.matcher(reply);
        assertThat(at.matches()).as(reply).isTrue();
        assertThat(at.group(2)).isEqualTo("kiwi.cs.ucla.edu");
        assertThat(at.group(3)).isEqualTo("+34.068930-118.445127");
        assertThat(at.group(4)).isEqualTo(clientTime);
        assertThat(new BigDecimal(at.group(1)).abs()).isLessThan(new BigDecimal("5"));
    }

    @Test
    void oneShotClientWithoutFinalNewlineGetsItsReplyAndTheConnectionCloses() throws Exception {
        String reply = OneShotClient.exchange(PORT, "IAMAT oneshot +00.000000+000.000000 1520023934.918963997");

        assertThat(reply)
                .matches("AT Alpha \\+\\d+\\.\\d{9} oneshot \\+00\\.000000\\+000\\.000000 1520023934\\.918963997\n");
    }

    @Test
    void crlfLinesAreAnsweredWithoutTheCarriageReturn() throws Exception {
        String reply = OneShotClient.exchange(PORT, "WHATSAT nobody-knows 10 5\r\n");

        assertThat(reply).isEqualTo("? WHATSAT nobody-knows 10 5\n");
    }

    @Test
    void severalLinesAreAnsweredInOrderEvenWhenOneWaitsForPlaces() throws Exception {
        OneShotClient.exchange(PORT, "IAMAT ordered +34.068930-118.445127 1520023934.918963997\n");

        String replies = OneShotClient.exchange(
                PORT, "WHATSAT ordered 10 2\nhello there\nIAMAT ordered +34.068930-118.445127 1520023934.918963996\n");

        String[] parts = replies.split("\n\n", 2);
        assertThat(parts[0]).startsWith("AT Alpha ").contains(" ordered +34.068930-118.445127 1520023934.918963997\n{");
        assertThat(parts[0])
                .contains("\"name\" : \"Royce Hall\"", "\"name\" : \"Powell Library\"")
                .doesNotContain("Ackerman");
        assertThat(parts[1])
                .matches("\\? hello there\nAT Alpha [+-]\\d+\\.\\d{9} ordered \\S+ 1520023934\\.918963996\n");
    }

    @Test
    void whatsatAsksPlacesAroundTheClientWithTheRadiusInMetres() throws Exception {
        try (LineConnection client = new LineConnection(PORT)) {
            client.ask("IAMAT radius-check +34.068930-118.445127 1520023934.918963997");
            String reply = client.askWhatsAt("WHATSAT radius-check 2.5 20");
            assertThat(reply).endsWith("}\n\n").doesNotContain("\n\n\n");
        }

        places.server()
                .verify(getRequestedFor(urlPathEqualTo(PlacesStandIn.PATH))
                        .withQueryParam("location", equalTo("34.06893,-118.445127"))
                        .withQueryParam("radius", equalTo("2500"))
                        .withQueryParam("key", equalTo(PlacesStandIn.KEY)));
    }

    @Test
    void badLinesAreAnsweredWithAQuestionMarkAndTheConnectionStaysUsable() throws Exception {
        try (LineConnection client = new LineConnection(PORT)) {
            assertThat(client.ask("AT Alpha +0.1 x +1+1 1")).isEqualTo("? AT Alpha +0.1 x +1+1 1\n");
            assertThat(client.ask("IAMAT x +91+0 1")).isEqualTo("? IAMAT x +91+0 1\n");
            assertThat(client.ask("WHATSAT x 51 5")).isEqualTo("? WHATSAT x 51 5\n");
            assertThat(client.ask("IAMAT x +1+1 1")).startsWith("AT Alpha ");
        }
    }

    @Test
    void anOversizeLineClosesOnlyItsOwnConnection() throws Exception {
        try (LineConnection bystander = new LineConnection(PORT);
                LineConnection flooder = new LineConnection(PORT)) {
            flooder.write("IAMAT " + "x".repeat(9000));

            assertThat(flooder.isClosedByServer()).isTrue();
            assertThat(bystander.ask("IAMAT bystander +1+1 1")).startsWith("AT Alpha ");
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (LineConnection idle = new LineConnection(PORT)) {
            long started = System.nanoTime();

            assertThat(idle.isClosedByServer()).isTrue();
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(2_000L, 9_000L);
        }
    }

    @Test
    void aClientThatConnectsAndSendsNothingBeforeHalfClosingGetsNoReply() throws Exception {
        assertThat(OneShotClient.exchange(PORT, "")).isEmpty();
    }
}
