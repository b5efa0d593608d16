package org.loopcrm.crm.camel.jms;

import java.time.Instant;
import java.util.Map;

/**
 * A message as a queue browser sees it, with no JMS types.
 *
 * @param messageId its JMS message id
 * @param correlationId its JMS correlation id, or null
 * @param timestamp when it was sent to this queue, or null
 * @param deliveryCount JMSXDeliveryCount, 0 if the broker did not set it
 * @param properties its properties (strings, numbers, booleans)
 * @param bodyPreview the start of a text body, or the size of another body
 */
public record QueuedMessage(
    String messageId,
    String correlationId,
    Instant timestamp,
    int deliveryCount,
    Map<String, Object> properties,
    String bodyPreview) {

  /** Copies the properties. */
  public QueuedMessage {
    properties = Map.copyOf(properties);
  }

  /** A property as text, or null. */
  public String property(String name) {
    Object value = properties.get(name);
    return value == null ? null : value.toString();
  }
}
