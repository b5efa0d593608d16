package org.loopcrm.crm.routes.internal.webhook;

import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_BATCH_SIZE;
import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_POLL_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Delivers webhooks: signed HTTP POSTs of outbox events to the subscriptions that match them, at
 * least once, retried with back-off until delivered or dead.
 *
 * <p>Route {@value #ROUTE_ID}, stages:
 *
 * <ol>
 *   <li>a timer fires every {@code outboxPollIntervalMs} (the deliveries are created with the
 *       outbox events, so they are polled at the same pace; ticks never overlap);
 *   <li>{@link WebhookService#claimDue(int)} claims up to {@code outboxBatchSize} due deliveries,
 *       earliest first; a claim holds a delivery for a minute, so another node polling at the same
 *       time does not send it too; an empty claim ends the tick;
 *   <li>the claimed deliveries ({@link org.loopcrm.crm.api.webhook.DueDelivery}) are split
 *       sequentially; each is POSTed by {@link WebhookDeliveryProcessor} with the event's JSON as
 *       the body and the headers {@code X-Crm-Event-Id}, {@code X-Crm-Event-Type}, {@code
 *       X-Crm-Delivery-Id}, {@code X-Crm-Timestamp} and {@code X-Crm-Signature: t=<unix
 *       seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>}; connecting
 *       and answering each have {@value #TIMEOUT_SECONDS} s;
 *   <li>the outcome is recorded with {@link WebhookService#recordAttempt}: a 2xx answer makes the
 *       delivery DELIVERED; anything else (another status, a timeout, a refused connection) records
 *       the status and reason and lets the service schedule the next attempt (10 s, 1 min, 5 min,
 *       30 min, 2 h) or declare the delivery DEAD after the sixth;
 *   <li>if an outcome cannot be recorded (the database is away, the subscription was deleted) the
 *       failure is logged and the tick goes on; the delivery becomes due again when its claim
 *       expires, so it is sent again (receivers dedupe on {@code X-Crm-Event-Id}).
 * </ol>
 *
 * <p>The secret is used only to sign: it is never put in a header, a log line or a recorded error.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class WebhookDeliveryRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-webhook-delivery";

  static final long TIMEOUT_SECONDS = 10;

  private final WebhookService webhooks;
  private final Duration timeout;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public WebhookDeliveryRouteBuilder(@Reference WebhookService webhooks) {
    this(webhooks, Duration.ofSeconds(TIMEOUT_SECONDS));
  }

  WebhookDeliveryRouteBuilder(WebhookService webhooks, Duration timeout) {
    this.webhooks = webhooks;
    this.timeout = timeout;
  }

  @Override
  public void configure() {
    int batchSize =
        Integer.parseInt(getContext().resolvePropertyPlaceholders(placeholder(OUTBOX_BATCH_SIZE)));
    WebhookDeliveryProcessor deliver =
        new WebhookDeliveryProcessor(webhooks, timeout, Clock.systemUTC());

    from("timer:" + ROUTE_ID + "?period=" + placeholder(OUTBOX_POLL_INTERVAL_MS))
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(webhooks.claimDue(batchSize)))
        .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
        .split(body())
        .process(deliver)
        .end()
        .end();
  }
}
