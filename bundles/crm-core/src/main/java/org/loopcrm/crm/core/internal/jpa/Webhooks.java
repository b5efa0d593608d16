package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.core.internal.webhook.WebhookRules;

/** Creates the deliveries of a new outbox event, in the transaction that writes the event. */
final class Webhooks {
  private Webhooks() {}

  /** One PENDING delivery, due at once, per active subscription whose patterns match the type. */
  static void fanOut(EntityManager em, String eventId, String eventType, Instant now) {
    List<Object[]> subscriptions =
        em.createQuery(
                "select s.id, s.eventTypes from WebhookSubscriptionEntity s where s.active = true",
                Object[].class)
            .getResultList();
    for (Object[] s : subscriptions) {
      if (WebhookRules.matches(WebhookRules.split((String) s[1]), eventType)) {
        WebhookDeliveryEntity d = new WebhookDeliveryEntity();
        d.deliveryId = UUID.randomUUID().toString();
        d.subscriptionId = (String) s[0];
        d.eventId = eventId;
        d.eventType = eventType;
        d.status = DeliveryStatus.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.createdAt = now;
        em.persist(d);
      }
    }
  }
}
