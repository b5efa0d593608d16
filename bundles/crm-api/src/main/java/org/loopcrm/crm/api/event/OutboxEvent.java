package org.loopcrm.crm.api.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event written to the outbox in the same transaction as the change it describes.
 *
 * @param sequence the outbox's own order; relays send events in this order
 * @param eventId the event's id, for receivers to deduplicate on (delivery is at least once)
 * @param aggregateType the kind of record, e.g. {@code account}
 * @param aggregateId the record's id; events of one record are delivered in order
 * @param type the event type, e.g. {@code account.created}
 * @param payload the event's JSON body
 * @param occurredAt when the change committed
 */
public record OutboxEvent(
    long sequence,
    UUID eventId,
    String aggregateType,
    String aggregateId,
    String type,
    String payload,
    Instant occurredAt) {}
