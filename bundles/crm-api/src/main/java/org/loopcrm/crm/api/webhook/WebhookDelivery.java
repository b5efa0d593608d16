package org.loopcrm.crm.api.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * The delivery of one event to one subscription.
 *
 * @param id the delivery's id
 * @param subscriptionId the subscription it is made for
 * @param eventId the outbox event delivered (receivers dedupe on it)
 * @param eventType the event's type
 * @param status where the delivery stands
 * @param attempts how many attempts were made
 * @param lastStatusCode the HTTP status of the last attempt, null if none was received
 * @param lastError why the last attempt failed, null if it did not
 * @param nextAttemptAt when the next attempt is due, null once delivered or dead
 * @param deliveredAt when it was delivered, null until then
 */
public record WebhookDelivery(
    UUID id,
    UUID subscriptionId,
    UUID eventId,
    String eventType,
    DeliveryStatus status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant nextAttemptAt,
    Instant deliveredAt) {}
