package io.proxyherd.herd;

import io.proxyherd.activity.NodeActivity;
import io.proxyherd.flood.FloodCodec;
import io.proxyherd.flood.FloodRules;
import io.proxyherd.flood.Lane;
import io.proxyherd.flood.MalformedFloodMessage;
import io.proxyherd.flood.UnfinishedBatches;
import io.proxyherd.flood.Update;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What both of a node's message-driven beans do with a message from its queues: read it, hand it to the
 * flood rules, count and log it. A message that cannot be read is logged once, on its first delivery,
 * and thrown back, so the broker moves it to the dead-letter queue after its bounded redeliveries.
 */
@ApplicationScoped
public class FloodDeliveries {

    private static final Logger LOG = Logger.getLogger(FloodDeliveries.class.getName());

    @Inject
    FloodRules rules;

    @Inject
    NodeActivity activity;

    private final UnfinishedBatches unfinished = new UnfinishedBatches();

    public void deliver(Message message, Lane lane) throws JMSException {
        String from = message.getStringProperty(JmsFloodLinks.FROM);
        String kindProperty = message.getStringProperty(MessageKind.PROPERTY);
        Optional<MessageKind> kind = MessageKind.of(kindProperty);
        if (kind.isEmpty()) {
            throw unreadable(message, from, "it is of unknown kind '" + kindProperty + "'");
        }
        switch (kind.get()) {
            case UPDATES -> receive(message, from, lane);
            case CATCH_UP_REQUEST -> answer(from);
        }
    }

    private void receive(Message message, String from, Lane lane) throws JMSException {
        if (!(message instanceof BytesMessage bytes)) {
            throw unreadable(
                    message,
                    from,
                    "it is a " + message.getClass().getSimpleName() + ", not a bytes message"
                            + " (a node of an older version of the herd sends text)");
        }
        byte[] body = bytes.getBody(byte[].class);
        List<Update> updates;
        try {
            updates = FloodCodec.decode(body);
        } catch (MalformedFloodMessage e) {
            throw unreadable(message, from, e.getMessage() + "; it holds " + FloodCodec.describe(body));
        }
        LOG.info(() -> FloodLog.lines("received from " + from, lane, updates));
        String id = message.getJMSMessageID();
        // Left unfinished if the forward throws: a later delivery of this batch forwards its news again.
        boolean begunBefore = unfinished.begin(id);
        rules.receive(from, heldBy(message, from), lane, updates, message.getJMSRedelivered() || begunBefore);
        unfinished.finished(id);
        updates.forEach(update -> activity.floodReceived(update.stampedAtMillis()));
    }

    /** Who holds the batch, as its sender says; a node of an older herd names none, and then only the sender is known to. */
    private static Set<String> heldBy(Message message, String from) throws JMSException {
        String holders = message.getStringProperty(JmsFloodLinks.HELD_BY);
        if (holders == null || holders.isBlank()) {
            return Set.of(from);
        }
        // copyOf, not of: a name the sender repeats must not make the batch undeliverable.
        return Set.copyOf(Arrays.asList(holders.split(",")));
    }

    private void answer(String asker) {
        try {
            int sent = rules.answerCatchUp(asker);
            LOG.info(() -> "answered " + asker + "'s catch-up request with " + sent + " updates");
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "dropped a catch-up request: " + e.getMessage());
        }
    }

    private IllegalStateException unreadable(Message message, String from, String why) throws JMSException {
        String what = "flood message " + message.getJMSMessageID() + " from " + from + " on "
                + message.getJMSDestination() + " cannot be read: " + why;
        int delivery = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        if (delivery <= 1) {
            LOG.warning(() -> what + "; the broker moves it to the dead-letter queue after its redeliveries");
            activity.unreadableFloodMessage(from, message.getJMSMessageID(), why);
        }
        return new IllegalStateException(what);
    }
}
