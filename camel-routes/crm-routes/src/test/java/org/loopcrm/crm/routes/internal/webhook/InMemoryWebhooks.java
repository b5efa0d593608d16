package org.loopcrm.crm.routes.internal.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.webhook.AttemptOutcome;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.DueDelivery;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;

/**
 * A test double of the delivery side of {@link WebhookService}: deliveries in memory, due again at
 * once after a failure (no back-off), dead after {@value #MAX_ATTEMPTS} failed attempts as in the
 * core service. The subscription side is not used by the route.
 */
final class InMemoryWebhooks implements WebhookService {
  static final int MAX_ATTEMPTS = 6;

  private final Map<UUID, Entry> deliveries = new ConcurrentHashMap<>();
  final List<AttemptOutcome> outcomes = new CopyOnWriteArrayList<>();
  final AtomicInteger claims = new AtomicInteger();

  private static final class Entry {
    final DueDelivery template;
    volatile WebhookDelivery state;

    Entry(DueDelivery template, WebhookDelivery state) {
      this.template = template;
      this.state = state;
    }
  }

  /** Adds a PENDING delivery of {@code payload} to {@code url}; returns its id. */
  UUID add(String url, String secret, String eventType, String payload) {
    UUID id = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    deliveries.put(
        id,
        new Entry(
            new DueDelivery(id, url, secret, eventId, eventType, payload, 1),
            new WebhookDelivery(
                id,
                UUID.randomUUID(),
                eventId,
                eventType,
                DeliveryStatus.PENDING,
                0,
                null,
                null,
                Instant.now(),
                null)));
    return id;
  }

  WebhookDelivery delivery(UUID id) {
    return deliveries.get(id).state;
  }

  UUID eventId(UUID id) {
    return deliveries.get(id).template.eventId();
  }

  @Override
  public synchronized List<DueDelivery> claimDue(int max) {
    claims.incrementAndGet();
    List<DueDelivery> due = new ArrayList<>();
    for (Entry e : deliveries.values()) {
      WebhookDelivery s = e.state;
      if (due.size() < max
          && (s.status() == DeliveryStatus.PENDING || s.status() == DeliveryStatus.FAILED)) {
        DueDelivery t = e.template;
        due.add(
            new DueDelivery(
                t.deliveryId(),
                t.url(),
                t.secret(),
                t.eventId(),
                t.eventType(),
                t.payload(),
                s.attempts() + 1));
      }
    }
    return due;
  }

  @Override
  public synchronized WebhookDelivery recordAttempt(UUID deliveryId, AttemptOutcome outcome) {
    Entry e = deliveries.get(deliveryId);
    if (e == null) {
      throw new NotFoundException("webhook delivery", deliveryId);
    }
    outcomes.add(outcome);
    WebhookDelivery s = e.state;
    int attempts = s.attempts() + 1;
    DeliveryStatus status =
        outcome.delivered()
            ? DeliveryStatus.DELIVERED
            : attempts >= MAX_ATTEMPTS ? DeliveryStatus.DEAD : DeliveryStatus.FAILED;
    Instant now = Instant.now();
    e.state =
        new WebhookDelivery(
            s.id(),
            s.subscriptionId(),
            s.eventId(),
            s.eventType(),
            status,
            attempts,
            outcome.statusCode(),
            outcome.error(),
            status == DeliveryStatus.FAILED ? now : null,
            outcome.delivered() ? now : null);
    return e.state;
  }

  @Override
  public WebhookSubscription subscribe(Actor actor, WebhookSubscriptionDraft draft) {
    throw new AssertionError("not called by the code under test");
  }

  @Override
  public List<WebhookSubscription> subscriptions(Actor actor) {
    throw new AssertionError("not called by the code under test");
  }

  @Override
  public WebhookSubscription subscription(Actor actor, UUID id) {
    throw new AssertionError("not called by the code under test");
  }

  @Override
  public void unsubscribe(Actor actor, UUID id) {
    throw new AssertionError("not called by the code under test");
  }

  @Override
  public Page<WebhookDelivery> deliveries(
      Actor actor, UUID subscriptionId, int limit, String cursor) {
    throw new AssertionError("not called by the code under test");
  }

  @Override
  public int purgeFinished(java.time.Instant createdBefore, int max) {
    throw new AssertionError("not called by the code under test");
  }
}
