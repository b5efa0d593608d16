package org.loopcrm.crm.api.webhook;

import java.util.List;

/**
 * What a caller gives to subscribe. {@link #toString()} never shows the secret.
 *
 * @param url where deliveries are POSTed: an absolute http or https URL without user info
 * @param eventTypes the event types to receive, see {@link WebhookSubscription#eventTypes()}
 * @param secret the key the receiver verifies signatures with (16 to 200 characters)
 * @param active whether the subscription receives events from now on
 */
public record WebhookSubscriptionDraft(
    String url, List<String> eventTypes, String secret, boolean active) {

  /** Copies the event types (a null list stays null, so validation can name the field). */
  public WebhookSubscriptionDraft {
    eventTypes = eventTypes == null ? null : List.copyOf(eventTypes);
  }

  @Override
  public String toString() {
    return "WebhookSubscriptionDraft[url="
        + url
        + ", eventTypes="
        + eventTypes
        + ", secret=(hidden), active="
        + active
        + "]";
  }
}
