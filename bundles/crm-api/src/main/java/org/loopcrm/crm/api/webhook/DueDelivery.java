package org.loopcrm.crm.api.webhook;

import java.util.UUID;

/**
 * A delivery claimed for an attempt, with what the sender needs. It carries the subscription's
 * secret for signing; {@link #toString()} never shows it.
 *
 * @param deliveryId the delivery's id, to record the outcome with
 * @param url where to POST
 * @param secret the subscription's signing secret
 * @param eventId the event's id
 * @param eventType the event's type
 * @param payload the event's JSON, sent as the body
 * @param attempt the number of this attempt, from 1
 */
public record DueDelivery(
    UUID deliveryId,
    String url,
    String secret,
    UUID eventId,
    String eventType,
    String payload,
    int attempt) {

  @Override
  public String toString() {
    return "DueDelivery[deliveryId="
        + deliveryId
        + ", url="
        + url
        + ", secret=(hidden), eventId="
        + eventId
        + ", eventType="
        + eventType
        + ", attempt="
        + attempt
        + "]";
  }
}
