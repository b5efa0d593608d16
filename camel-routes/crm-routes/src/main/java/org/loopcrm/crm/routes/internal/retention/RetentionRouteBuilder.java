package org.loopcrm.crm.routes.internal.retention;

import static org.loopcrm.crm.routes.internal.RouteProperties.RETENTION_DAYS;
import static org.loopcrm.crm.routes.internal.RouteProperties.RETENTION_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.event.OutboxService;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges, every {@code retentionIntervalMs}, what is older than {@code retentionDays} (PID {@code
 * crm.routes}; 0 keeps everything): first finished webhook deliveries (delivered or dead), then
 * sent outbox events that no delivery refers to any more. Batches of {@value #BATCH}, each its own
 * transaction, so a large backlog never holds long locks; at most {@value #MAX_BATCHES} batches of
 * each a run, the rest waits for the next.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class RetentionRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-retention";

  private static final Logger LOG = LoggerFactory.getLogger(RetentionRouteBuilder.class);
  static final int BATCH = 500;
  static final int MAX_BATCHES = 200;

  private final OutboxService outbox;
  private final WebhookService webhooks;
  private final Clock clock;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public RetentionRouteBuilder(
      @Reference OutboxService outbox, @Reference WebhookService webhooks) {
    this(outbox, webhooks, Clock.systemUTC());
  }

  RetentionRouteBuilder(OutboxService outbox, WebhookService webhooks, Clock clock) {
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @Override
  public void configure() {
    int days =
        Integer.parseInt(getContext().resolvePropertyPlaceholders(placeholder(RETENTION_DAYS)));
    long interval =
        Long.parseLong(
            getContext().resolvePropertyPlaceholders(placeholder(RETENTION_INTERVAL_MS)));
    // The first run comes soon after a start (at most 10 s), then one every interval.
    from("timer:" + ROUTE_ID + "?delay=" + Math.min(10_000L, interval) + "&period=" + interval)
        .routeId(ROUTE_ID)
        .filter(exchange -> days > 0)
        .process(
            exchange -> {
              Purged purged = purge(days);
              exchange.getMessage().setBody(purged);
              if (purged.deliveries() + purged.events() > 0) {
                LOG.info(
                    "retention: purged {} webhook deliveries and {} outbox events older than {}"
                        + " days",
                    purged.deliveries(),
                    purged.events(),
                    days);
              }
            });
  }

  /** What one run purged. */
  record Purged(int deliveries, int events) {}

  /** One run: deliveries first, so the events they held become purgeable in the same run. */
  Purged purge(int days) {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int deliveries = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int n = webhooks.purgeFinished(cutoff, BATCH);
      deliveries += n;
      if (n < BATCH) {
        break;
      }
    }
    int events = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      int n = outbox.purgeSent(cutoff, BATCH);
      events += n;
      if (n < BATCH) {
        break;
      }
    }
    return new Purged(deliveries, events);
  }
}
