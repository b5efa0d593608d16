package org.loopcrm.crm.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription to events, as it is read back. The signing secret is write-only: it is given in
 * {@link WebhookSubscriptionDraft} and never returned.
 *
 * @param id the subscription's id
 * @param url where deliveries are POSTed (http or https)
 * @param eventTypes the event types it receives: exact types ({@code account.created}), a prefix
 *     with a wildcard ({@code account.*}) or {@code *} for all
 * @param active whether new events create deliveries for it
 * @param createdBy the user who subscribed
 * @param createdAt when it was created
 */
public record WebhookSubscription(
    UUID id,
    String url,
    List<String> eventTypes,
    boolean active,
    String createdBy,
    Instant createdAt) {

  /** Copies the event types. */
  public WebhookSubscription {
    eventTypes = List.copyOf(eventTypes);
  }
}
