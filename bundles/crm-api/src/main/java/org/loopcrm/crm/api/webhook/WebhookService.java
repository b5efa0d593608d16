package org.loopcrm.crm.api.webhook;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * Webhook subscriptions and their deliveries.
 *
 * <p>Whenever an event is written to the outbox, every active subscription whose event types match
 * it gets a {@link DeliveryStatus#PENDING} delivery in the same transaction. A delivery route then
 * {@linkplain #claimDue claims} due deliveries, POSTs them and {@linkplain #recordAttempt records}
 * each outcome. A failed attempt is retried 10 s, 1 min, 5 min, 30 min and 2 h after the previous
 * one; when the sixth attempt fails the delivery is {@link DeliveryStatus#DEAD}.
 *
 * <p>Managing subscriptions and reading deliveries is for {@code crm-admin} only; every such method
 * throws {@link AccessDeniedException} for anyone else. The delivery side takes no actor: it is
 * called by the delivery route.
 */
public interface WebhookService {

  /**
   * Creates a subscription.
   *
   * @throws ValidationException naming {@code url} (not an absolute http/https URL, or with user
   *     info), {@code eventTypes} (empty or a malformed pattern) or {@code secret} (missing,
   *     shorter than 16 or longer than 200 characters)
   */
  WebhookSubscription subscribe(Actor actor, WebhookSubscriptionDraft draft);

  /** All subscriptions, oldest first. */
  List<WebhookSubscription> subscriptions(Actor actor);

  /**
   * One subscription.
   *
   * @throws NotFoundException if there is none with this id
   */
  WebhookSubscription subscription(Actor actor, UUID id);

  /**
   * Deletes a subscription and its deliveries; pending deliveries are not made.
   *
   * @throws NotFoundException if there is none with this id
   */
  void unsubscribe(Actor actor, UUID id);

  /**
   * One page of a subscription's deliveries, newest first.
   *
   * @param limit the page size, 1 to 200
   * @param cursor the {@link Page#nextCursor()} of the previous page, or null for the first
   * @throws NotFoundException if there is no subscription with this id
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  Page<WebhookDelivery> deliveries(Actor actor, UUID subscriptionId, int limit, String cursor);

  /**
   * Claims up to {@code max} deliveries that are due, earliest first. A claimed delivery is not
   * handed out again for a minute, so overlapping pollers do not send it twice; if its outcome is
   * never recorded it becomes due again after that (at least once).
   */
  List<DueDelivery> claimDue(int max);

  /**
   * Records the outcome of an attempt on a claimed delivery and schedules the next attempt or
   * declares it dead.
   *
   * @return the delivery as it now stands
   * @throws NotFoundException if the delivery no longer exists (its subscription was deleted)
   */
  WebhookDelivery recordAttempt(UUID deliveryId, AttemptOutcome outcome);

  /**
   * Deletes up to {@code max} finished deliveries (delivered or dead) created before {@code
   * createdBefore}, oldest first; housekeeping, so delivery history is kept for a set time.
   *
   * @return how many were deleted; fewer than {@code max} means none is left to delete
   */
  int purgeFinished(java.time.Instant createdBefore, int max);
}
