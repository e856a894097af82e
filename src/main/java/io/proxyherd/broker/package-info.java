/**
 * Questions to a running Artemis broker over its management address: each queue's consumers and waiting messages,
 * asked with short timeouts of whichever broker of a primary and backup pair serves. Used by the node's broker watch
 * and by {@code herd status}.
 *
 * <p>May depend on: {@code topology}, the JMS API and the Artemis client (never the broker server).
 */
package io.proxyherd.broker;
