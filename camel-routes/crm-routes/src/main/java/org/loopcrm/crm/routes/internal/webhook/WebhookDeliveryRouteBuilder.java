package org.loopcrm.crm.routes.internal.webhook;

import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_POLL_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.webhook.DueDelivery;
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
 *   <li>{@link WebhookService#claimDue(int)} claims up to {@value #CLAIM_SIZE} due deliveries,
 *       earliest first. A claim holds a delivery for a minute so that another node polling at the
 *       same time does not send it too; claims are small so that even {@value #CLAIM_SIZE}
 *       receivers timing out one after the other ({@value #TIMEOUT_SECONDS} s each) finish within
 *       it. A tick claims again while claims come back full (at most {@value #MAX_CLAIMS_PER_TICK}
 *       times), so a backlog drains at receiver speed, not at one claim per poll interval;
 *   <li>the claimed deliveries ({@link DueDelivery}) are split sequentially; each is POSTed by
 *       {@link WebhookDeliveryProcessor} with the event's JSON as the body and the headers {@code
 *       X-Crm-Event-Id}, {@code X-Crm-Event-Type}, {@code X-Crm-Delivery-Id}, {@code
 *       X-Crm-Timestamp} and {@code X-Crm-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 *       "<t>.<body>" with the subscription's secret>}; connecting and the whole exchange each have
 *       {@value #TIMEOUT_SECONDS} s; redirects are not followed;
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
  static final int CLAIM_SIZE = 5;
  static final int MAX_CLAIMS_PER_TICK = 20;

  /** Whether the tick claims again; see {@link #anotherClaim}. */
  private static final String MORE = "CrmWebhookMore";

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
    WebhookDeliveryProcessor deliver =
        new WebhookDeliveryProcessor(webhooks, timeout, Clock.systemUTC());

    from("timer:" + ROUTE_ID + "?period=" + placeholder(OUTBOX_POLL_INTERVAL_MS))
        .routeId(ROUTE_ID)
        .setProperty(MORE, constant(true))
        .loopDoWhile(WebhookDeliveryRouteBuilder::anotherClaim)
        .process(
            exchange -> {
              List<DueDelivery> claimed = webhooks.claimDue(CLAIM_SIZE);
              exchange.getMessage().setBody(claimed);
              exchange.setProperty(MORE, claimed.size() == CLAIM_SIZE);
            })
        .split(body())
        .process(deliver)
        .end()
        .end();
  }

  /** Whether the tick claims again: after a full claim, at most {@value #MAX_CLAIMS_PER_TICK}. */
  private static boolean anotherClaim(Exchange exchange) {
    Integer index = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
    return Boolean.TRUE.equals(exchange.getProperty(MORE, Boolean.class))
        && (index == null || index < MAX_CLAIMS_PER_TICK);
  }
}
