package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.core.internal.json.Json;

/**
 * Appends events to the outbox inside the caller's transaction, together with one webhook delivery
 * per matching subscription, so every event type reaches webhooks without its service knowing.
 */
final class Outbox {
  private Outbox() {}

  /**
   * Appends an event. Flushes first, so the changed record's row lock is taken before the event
   * gets its sequence number: two transactions on one record then number their events in commit
   * order.
   */
  static void append(
      EntityManager em,
      String aggregateType,
      String aggregateId,
      String type,
      Map<String, ?> payload,
      Instant now) {
    em.flush();
    OutboxEventEntity e = new OutboxEventEntity();
    e.eventId = UUID.randomUUID().toString();
    e.aggregateType = aggregateType;
    e.aggregateId = aggregateId;
    e.type = type;
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("eventId", e.eventId);
    envelope.put("type", type);
    envelope.put("aggregateType", aggregateType);
    envelope.put("aggregateId", aggregateId);
    envelope.put("occurredAt", now);
    envelope.put("data", payload);
    e.payload = Json.write(envelope);
    e.occurredAt = now;
    em.persist(e);
    Webhooks.fanOut(em, e.eventId, type, now);
  }
}
