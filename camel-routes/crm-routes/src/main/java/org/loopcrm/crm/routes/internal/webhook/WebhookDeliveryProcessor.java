package org.loopcrm.crm.routes.internal.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.webhook.AttemptOutcome;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.DueDelivery;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt at a {@link DueDelivery} (the exchange body): POSTs the event payload, signed,
 * and records the outcome. Uses the JDK's {@link HttpClient}, so no Camel HTTP component is needed.
 * Nothing it logs or records contains the secret or the receiver's response body, and logged URLs
 * lose their query (receivers sometimes put tokens there).
 */
final class WebhookDeliveryProcessor implements Processor {
  static final String HEADER_EVENT_ID = "X-Crm-Event-Id";
  static final String HEADER_EVENT_TYPE = "X-Crm-Event-Type";
  static final String HEADER_TIMESTAMP = "X-Crm-Timestamp";
  static final String HEADER_SIGNATURE = "X-Crm-Signature";
  static final String HEADER_DELIVERY_ID = "X-Crm-Delivery-Id";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryProcessor.class);

  private final WebhookService webhooks;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;

  WebhookDeliveryProcessor(WebhookService webhooks, Duration timeout, Clock clock) {
    this.webhooks = webhooks;
    this.timeout = timeout;
    this.clock = clock;
    // Redirects are not followed: a receiver that moved must be re-subscribed by an admin.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    DueDelivery d = exchange.getMessage().getMandatoryBody(DueDelivery.class);
    AttemptOutcome outcome = attempt(d);
    WebhookDelivery after;
    try {
      after = webhooks.recordAttempt(d.deliveryId(), outcome);
    } catch (RuntimeException e) {
      LOG.warn(
          "Webhook delivery {} of event {}: the outcome of attempt {} ({}) was not recorded,"
              + " it is sent again when its claim expires: {}",
          d.deliveryId(),
          d.eventId(),
          d.attempt(),
          outcome.delivered() ? "delivered" : outcome.error(),
          e.toString());
      return;
    }
    if (outcome.delivered()) {
      LOG.debug(
          "Webhook delivery {} of event {} delivered to {} (HTTP {}, attempt {})",
          d.deliveryId(),
          d.eventId(),
          where(d.url()),
          outcome.statusCode(),
          d.attempt());
    } else if (after.status() == DeliveryStatus.DEAD) {
      LOG.warn(
          "Webhook delivery {} of event {} to {} is dead after {} attempts: {}",
          d.deliveryId(),
          d.eventId(),
          where(d.url()),
          after.attempts(),
          outcome.error());
    } else {
      LOG.info(
          "Webhook delivery {} of event {} to {} failed (attempt {}: {}), next attempt at {}",
          d.deliveryId(),
          d.eventId(),
          where(d.url()),
          after.attempts(),
          outcome.error(),
          after.nextAttemptAt());
    }
  }

  /** The URL without user info, query or fragment, for logs. */
  static String where(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() < 0 ? "" : ":" + u.getPort())
          + (u.getRawPath() == null ? "" : u.getRawPath());
    } catch (IllegalArgumentException e) {
      return "(an invalid URL)";
    }
  }

  private AttemptOutcome attempt(DueDelivery d) throws InterruptedException {
    long t = clock.instant().getEpochSecond();
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(d.url()))
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .header("User-Agent", "LoopCRM-Webhooks/1")
              .header(HEADER_EVENT_ID, d.eventId().toString())
              .header(HEADER_EVENT_TYPE, d.eventType())
              .header(HEADER_DELIVERY_ID, d.deliveryId().toString())
              .header(HEADER_TIMESTAMP, Long.toString(t))
              .header(HEADER_SIGNATURE, WebhookSignature.header(d.secret(), t, d.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      return AttemptOutcome.failed(null, "the URL cannot be requested: " + e.getMessage());
    }
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? AttemptOutcome.delivered(status)
          : AttemptOutcome.failed(status, "HTTP " + status);
    } catch (HttpTimeoutException e) {
      return AttemptOutcome.failed(null, "timed out after " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return AttemptOutcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
