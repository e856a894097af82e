package io.proxyherd.herd;

import io.proxyherd.flood.Lane;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes catch-up requests and answers off this node's catch-up queue, apart from live updates: one
 * session, so a returning neighbour's catch-up takes at most one thread here and live updates keep theirs.
 * Acknowledged like {@link FloodConsumer}: after what it forwards is stored.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "herd.${ENV=HERD_NODE}.catch-up"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
            @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
            @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatchUpConsumer implements MessageListener {

    @Inject
    FloodDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.deliver(message, Lane.CATCH_UP);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read catch-up message " + message, e);
        }
    }
}
