package org.loopcrm.crm.api.integration;

import java.time.Instant;

/**
 * A message on a dead-letter queue.
 *
 * @param messageId its JMS message id on the dead-letter queue, what {@code retry} takes
 * @param queue the dead-letter queue
 * @param originalQueue where a retry sends it, or null if nobody knows
 * @param reason why it was dead-lettered, or null
 * @param failedAt when it first failed (dead-lettered, for a message never retried)
 * @param deliveryCount how often it has been dead-lettered, 1 unless it failed again after a retry
 * @param correlationId the correlation id it carries, or null
 * @param bodyPreview the start of its body (text) or its size (bytes)
 */
public record DeadLetter(
    String messageId,
    String queue,
    String originalQueue,
    String reason,
    Instant failedAt,
    int deliveryCount,
    String correlationId,
    String bodyPreview) {}
