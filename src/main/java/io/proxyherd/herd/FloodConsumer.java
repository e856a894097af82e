package io.proxyherd.herd;

import io.proxyherd.activity.NodeActivity;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes updates off this node's own queue and hands them to {@link Flooding}, and neighbours' catch-up
 * requests to {@link CatchUp}. It also defines the
 * connection factory {@link FloodPublisher} sends with: resource definitions are read from components.
 *
 * <p>Delivery is not transacted: the adapter acknowledges an update only after {@code onMessage}
 * returns, and redelivers it if {@code onMessage} throws, so a forward that fails is retried. A JTA
 * transaction would add nothing but cost: with the inbound session and the outbound connection as two
 * resources, every update would pay for a two-phase commit.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "herd.${ENV=HERD_NODE}"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
            // Keep trying to reach a broker that is not up yet, or has gone, instead of giving up.
            @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
            @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
        })
@ConnectionFactoryDefinition(
        name = FloodConsumer.CONNECTION_FACTORY,
        interfaceName = "org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory",
        resourceAdapter = "artemis-ra",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        maxPoolSize = 32,
        minPoolSize = 1)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FloodConsumer implements MessageListener {

    static final String CONNECTION_FACTORY = "java:app/jms/herd";

    private static final Logger LOG = Logger.getLogger(FloodConsumer.class.getName());

    @Inject
    Flooding flooding;

    @Inject
    NodeActivity activity;

    @Inject
    CatchUp catchUp;

    @Override
    public void onMessage(Message message) {
        try {
            String from = message.getStringProperty(FloodMessage.FROM);
            String property = message.getStringProperty(MessageKind.PROPERTY);
            Optional<MessageKind> kind = MessageKind.of(property);
            if (kind.isEmpty()) {
                LOG.warning(() -> "dropped a message of unknown kind '" + property + "' from " + from + ": " + message);
                return;
            }
            switch (kind.get()) {
                case UPDATE -> receiveUpdate(message, from);
                case CATCH_UP_REQUEST -> catchUp.answer(from);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read flood message " + message, e);
        }
    }

    private void receiveUpdate(Message message, String from) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            LOG.warning(() -> "dropped a flood message that is not text: " + message);
            return;
        }
        long stampedAt = text.propertyExists(FloodMessage.STAMPED_AT) ? text.getLongProperty(FloodMessage.STAMPED_AT) : 0;
        flooding.receive(new FloodMessage(text.getText(), from, stampedAt), text.getJMSRedelivered());
        activity.floodReceived(stampedAt);
    }
}
