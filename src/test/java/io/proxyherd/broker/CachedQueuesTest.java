package io.proxyherd.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedQueuesTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void asksTheBrokerAtMostOncePerMaxAge() {
        CachedQueues queues = new CachedQueues(
                () -> "localhost:1",
                List.of("herd.A"),
                names -> {
                    asked.incrementAndGet();
                    return Map.of("herd.A", QueueState.of("herd.A", 4, 0));
                },
                Duration.ofMillis(1500),
                clock);

        BrokerView first = queues.view();
        now.addAndGet(1499);
        BrokerView cached = queues.view();
        now.addAndGet(1);
        queues.view();

        assertThat(cached).isSameAs(first);
        assertThat(asked).hasValue(2);
        assertThat(first.reachable()).isTrue();
        assertThat(first.queue("herd.A")).hasValue(QueueState.of("herd.A", 4, 0));
        assertThat(first.queue("herd.B")).isEmpty();
    }

    @Test
    void anUnreachableBrokerIsReportedWithTheInnermostReason() {
        CachedQueues queues = new CachedQueues(
                () -> "localhost:1",
                List.of("herd.A"),
                names -> {
                    JMSException failure = new JMSException("Failed to create session factory");
                    failure.initCause(new ConnectException("Connection refused\n  at somewhere"));
                    throw failure;
                },
                Duration.ofMillis(1500),
                clock);

        BrokerView view = queues.view();

        assertThat(view.reachable()).isFalse();
        assertThat(view.error()).isEqualTo("Connection refused");
        assertThat(view.queue("herd.A")).isEmpty();
        assertThat(view.address()).isEqualTo("localhost:1");
    }

    @Test
    void aMissingClientLibraryIsAReasonNotACrash() {
        CachedQueues queues = new CachedQueues(
                () -> "localhost:1",
                List.of("herd.A"),
                names -> {
                    throw new NoClassDefFoundError("org/apache/activemq/artemis/jms/client/ActiveMQConnectionFactory");
                },
                Duration.ofMillis(1500),
                clock);

        assertThat(queues.view().error()).contains("ActiveMQConnectionFactory");
    }

    @Test
    void aQueueTheBrokerCouldNotDescribeIsNotKnown() {
        BrokerView view = new BrokerView("b", 0, Map.of("herd.A", QueueState.unknown("herd.A", "no such queue")), null);

        assertThat(view.queue("herd.A")).isEmpty();
    }
}
