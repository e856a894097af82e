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
 * Takes batches of live updates off this node's own queue and hands them on. Delivery is not transacted:
 * the adapter acknowledges a batch only after {@code onMessage} returns, which is after its forwards are
 * stored, and redelivers it if {@code onMessage} throws. A JTA transaction would add nothing but cost:
 * with the inbound session and the outbound connection as two resources, every batch would pay for a
 * two-phase commit.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-ra"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = "herd.${ENV=HERD_NODE}"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${ENV=HERD_FLOOD_CONSUMERS:4}"),
            // Keep trying to reach a broker that is not up yet, or has gone, instead of giving up.
            @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
            @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FloodConsumer implements MessageListener {

    @Inject
    FloodDeliveries deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            deliveries.deliver(message, Lane.LIVE);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read flood message " + message, e);
        }
    }
}
