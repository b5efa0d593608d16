package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.webhook.WebhookRules.requireAdmin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.webhook.AttemptOutcome;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.DueDelivery;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;
import org.loopcrm.crm.core.internal.webhook.DeliveryCursor;
import org.loopcrm.crm.core.internal.webhook.WebhookRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Webhook subscriptions and deliveries on the {@code crm} persistence unit. Deliveries are created
 * by {@link Outbox#append} (through {@link Webhooks}); this service manages subscriptions and moves
 * deliveries through their attempts.
 */
@Component(service = WebhookService.class)
public final class JpaWebhookService implements WebhookService {
  static final String SUBSCRIPTION = "webhook subscription";
  static final String DELIVERY = "webhook delivery";
  static final Duration CLAIM_LEASE = Duration.ofMinutes(1);
  private static final int MAX_LIMIT = 200;
  private static final int MAX_ERROR = 500;

  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaWebhookService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaWebhookService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  @Override
  public WebhookSubscription subscribe(Actor actor, WebhookSubscriptionDraft draft) {
    requireAdmin(actor);
    WebhookSubscriptionDraft d = WebhookRules.valid(draft);
    return tx.inTransaction(
        em -> {
          WebhookSubscriptionEntity s = new WebhookSubscriptionEntity();
          s.id = UUID.randomUUID().toString();
          s.url = d.url();
          s.eventTypes = WebhookRules.join(d.eventTypes());
          s.secret = d.secret();
          s.active = d.active();
          s.createdBy = actor.user();
          s.createdAt = now();
          em.persist(s);
          return toSubscription(s);
        });
  }

  @Override
  public List<WebhookSubscription> subscriptions(Actor actor) {
    requireAdmin(actor);
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select s from WebhookSubscriptionEntity s order by s.createdAt, s.id",
                    WebhookSubscriptionEntity.class)
                .getResultList()
                .stream()
                .map(JpaWebhookService::toSubscription)
                .toList());
  }

  @Override
  public WebhookSubscription subscription(Actor actor, UUID id) {
    requireAdmin(actor);
    return tx.readOnly(em -> toSubscription(findSubscription(em, id)));
  }

  @Override
  public void unsubscribe(Actor actor, UUID id) {
    requireAdmin(actor);
    tx.inTransaction(
        em -> {
          WebhookSubscriptionEntity s = findSubscription(em, id);
          em.createQuery("delete from WebhookDeliveryEntity d where d.subscriptionId = :id")
              .setParameter("id", s.id)
              .executeUpdate();
          em.remove(s);
          return null;
        });
  }

  @Override
  public Page<WebhookDelivery> deliveries(
      Actor actor, UUID subscriptionId, int limit, String cursor) {
    requireAdmin(actor);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    DeliveryCursor after = cursor == null ? null : DeliveryCursor.decode(cursor, subscriptionId);
    return tx.readOnly(
        em -> {
          findSubscription(em, subscriptionId);
          TypedQuery<WebhookDeliveryEntity> q =
              em.createQuery(
                      "select d from WebhookDeliveryEntity d where d.subscriptionId = :id"
                          + (after == null ? "" : " and d.sequence < :after")
                          + " order by d.sequence desc",
                      WebhookDeliveryEntity.class)
                  .setParameter("id", subscriptionId.toString());
          if (after != null) {
            q.setParameter("after", after.sequence());
          }
          List<WebhookDeliveryEntity> rows = q.setMaxResults(limit + 1).getResultList();
          List<WebhookDeliveryEntity> page = rows.subList(0, Math.min(rows.size(), limit));
          Optional<String> next =
              rows.size() > limit
                  ? Optional.of(
                      new DeliveryCursor(subscriptionId, page.get(page.size() - 1).sequence)
                          .encode())
                  : Optional.empty();
          return new Page<>(page.stream().map(JpaWebhookService::toDelivery).toList(), next);
        });
  }

  @Override
  public List<DueDelivery> claimDue(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    return tx.inTransaction(
        em -> {
          Instant now = now();
          List<Object[]> rows =
              em.createQuery(
                      "select d.sequence, d.nextAttemptAt, d.deliveryId, d.eventId, d.eventType,"
                          + " d.attempts, s.url, s.secret, e.payload"
                          + " from WebhookDeliveryEntity d, WebhookSubscriptionEntity s,"
                          + " OutboxEventEntity e"
                          + " where d.nextAttemptAt <= :now and s.id = d.subscriptionId"
                          + " and e.eventId = d.eventId"
                          + " order by d.nextAttemptAt, d.sequence",
                      Object[].class)
                  .setParameter("now", now)
                  .setMaxResults(max)
                  .getResultList();
          List<DueDelivery> claimed = new ArrayList<>(rows.size());
          for (Object[] r : rows) {
            // Moving the due time forward is the claim: a poller that read the same row loses.
            int won =
                em.createQuery(
                        "update WebhookDeliveryEntity d set d.nextAttemptAt = :lease"
                            + " where d.sequence = :seq and d.nextAttemptAt = :due")
                    .setParameter("lease", now.plus(CLAIM_LEASE))
                    .setParameter("seq", r[0])
                    .setParameter("due", r[1])
                    .executeUpdate();
            if (won == 1) {
              claimed.add(
                  new DueDelivery(
                      UUID.fromString((String) r[2]),
                      (String) r[6],
                      (String) r[7],
                      UUID.fromString((String) r[3]),
                      (String) r[4],
                      (String) r[8],
                      (Integer) r[5] + 1));
            }
          }
          return claimed;
        });
  }

  @Override
  public WebhookDelivery recordAttempt(UUID deliveryId, AttemptOutcome outcome) {
    return tx.inTransaction(
        em -> {
          WebhookDeliveryEntity d =
              em.createQuery(
                      "select d from WebhookDeliveryEntity d where d.deliveryId = :id",
                      WebhookDeliveryEntity.class)
                  .setParameter("id", deliveryId.toString())
                  .getResultStream()
                  .findFirst()
                  .orElseThrow(() -> new NotFoundException(DELIVERY, deliveryId));
          if (d.status == DeliveryStatus.DELIVERED || d.status == DeliveryStatus.DEAD) {
            // A late or repeated outcome changes nothing once the delivery is settled.
            return toDelivery(d);
          }
          Instant now = now();
          d.attempts++;
          d.lastStatusCode = outcome.statusCode();
          if (outcome.delivered()) {
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            d.lastError = null;
          } else {
            d.lastError = truncate(outcome.error() == null ? "failed" : outcome.error());
            Optional<Duration> pause = WebhookRules.retryAfter(d.attempts);
            d.status = pause.isPresent() ? DeliveryStatus.FAILED : DeliveryStatus.DEAD;
            d.nextAttemptAt = pause.map(now::plus).orElse(null);
          }
          return toDelivery(d);
        });
  }

  private static String truncate(String s) {
    return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
  }

  private static WebhookSubscriptionEntity findSubscription(EntityManager em, UUID id) {
    WebhookSubscriptionEntity s = em.find(WebhookSubscriptionEntity.class, id.toString());
    if (s == null) {
      throw new NotFoundException(SUBSCRIPTION, id);
    }
    return s;
  }

  private static WebhookSubscription toSubscription(WebhookSubscriptionEntity s) {
    return new WebhookSubscription(
        UUID.fromString(s.id),
        s.url,
        WebhookRules.split(s.eventTypes),
        s.active,
        s.createdBy,
        s.createdAt);
  }

  private static WebhookDelivery toDelivery(WebhookDeliveryEntity d) {
    return new WebhookDelivery(
        UUID.fromString(d.deliveryId),
        UUID.fromString(d.subscriptionId),
        UUID.fromString(d.eventId),
        d.eventType,
        d.status,
        d.attempts,
        d.lastStatusCode,
        d.lastError,
        d.nextAttemptAt,
        d.deliveredAt);
  }

  private Instant now() {
    // Microseconds: what both H2 and PostgreSQL store, so due times compare exactly.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public int purgeFinished(Instant createdBefore, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    return tx.inTransaction(
        em -> {
          List<Long> old =
              em.createQuery(
                      "select d.sequence from WebhookDeliveryEntity d where d.status in :finished"
                          + " and d.createdAt < :before order by d.sequence",
                      Long.class)
                  .setParameter("finished", List.of(DeliveryStatus.DELIVERED, DeliveryStatus.DEAD))
                  .setParameter("before", createdBefore)
                  .setMaxResults(max)
                  .getResultList();
          if (old.isEmpty()) {
            return 0;
          }
          return em.createQuery("delete from WebhookDeliveryEntity d where d.sequence in :seqs")
              .setParameter("seqs", old)
              .executeUpdate();
        });
  }
}
