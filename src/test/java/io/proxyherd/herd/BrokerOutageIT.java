package io.proxyherd.herd;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.proxyherd.flood.FloodCodec;
import io.proxyherd.support.LineConnection;
import io.proxyherd.support.NodeDeployment;
import io.proxyherd.support.TestBroker;
import io.proxyherd.topology.Topology;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A node (Alpha) keeps answering while the broker is away, and its updates reach the herd once it is back. */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class BrokerOutageIT {

    private static final int ALPHA_PORT = 12100;

    @Deployment(testable = false)
    static WebArchive node() {
        return NodeDeployment.war();
    }

    @Test
    void updatesMadeWhileTheBrokerIsDownAreFloodedWhenItReturns() throws Exception {
        await().atMost(60, SECONDS).until(() -> TestBroker.broker().consumersOf("Alpha") > 0);
        TestBroker.stop();

        String atLine;
        long started = System.nanoTime();
        try (LineConnection client = new LineConnection(ALPHA_PORT)) {
            atLine = client.ask("IAMAT during-outage +34.068930-118.445127 1700000000.5")
                    .strip();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(atLine).startsWith("AT Alpha ");

        TestBroker.start();

        try (ActiveMQConnectionFactory factory = TestBroker.as("Beta");
                JMSContext jms = factory.createContext();
                JMSConsumer beta = jms.createConsumer(jms.createQueue(Topology.queueOf("Beta")))) {
            Message batch = beta.receive(60_000);
            assertThat(batch).as("a batch on Beta's queue").isNotNull();
            assertThat(FloodCodec.decode(batch.getBody(byte[].class)))
                    .extracting(update -> update.line().text())
                    .containsExactly(atLine);
        }
        await().atMost(60, SECONDS).until(() -> TestBroker.broker().consumersOf("Alpha") > 0);
    }
}
