package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.plugin.AsyncJob;
import org.loopcrm.crm.core.internal.plugin.PipelineContext;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;

/**
 * Appends events to the outbox inside the caller's transaction, together with one webhook delivery
 * per matching subscription, so every event type reaches webhooks without its service knowing; and
 * internal ASYNC plugin jobs, which no webhook sees.
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
    OutboxEventEntity e = insert(em, aggregateType, aggregateId, type, payload, now);
    Webhooks.fanOut(em, e.eventId, type, now);
  }

  /**
   * Appends one job per ASYNC plugin that matches the operation (none if none does): events of type
   * {@value AsyncPluginRunner#JOB_EVENT_TYPE} for the relay's plugin queue, no webhook deliveries.
   * Call after the POST_OPERATION stage, in the same transaction, so a job exists exactly when the
   * change commits.
   */
  static void appendAsyncJobs(
      EntityManager em,
      PluginPipeline plugins,
      PipelineContext ctx,
      String aggregateId,
      Instant now) {
    for (String key : plugins.asyncKeys(ctx)) {
      insert(
          em,
          ctx.entity(),
          aggregateId,
          AsyncPluginRunner.JOB_EVENT_TYPE,
          AsyncJob.of(key, ctx).toMap(),
          now);
    }
  }

  private static OutboxEventEntity insert(
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
    return e;
  }
}
