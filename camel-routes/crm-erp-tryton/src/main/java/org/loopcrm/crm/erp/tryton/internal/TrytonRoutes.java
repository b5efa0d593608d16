package org.loopcrm.crm.erp.tryton.internal;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.integration.RouteConventions;

/**
 * The Tryton connector's routes.
 *
 * <ul>
 *   <li>{@code crm-tryton-customer-out}: account events from the CRM's events topic (a shared
 *       durable subscription, consumed in a JMS transaction) write the account to Tryton. Tryton
 *       down: retried with exponential back-off, then rolled back to the broker, which delivers it
 *       again later. Tryton refuses: the event goes to the connector's dead-letter queue with the
 *       reason.
 *   <li>{@code crm-tryton-poll-<stream>}: one timer per stream (party, invoice, sale, production,
 *       project) drains Tryton's changes since the stream's watermark (see {@link TrytonPoller}).
 * </ul>
 */
final class TrytonRoutes extends RouteBuilder {
  static final String DEAD_LETTER_QUEUE = "crm.erp.tryton.DLQ";
  static final String SUBSCRIPTION = "crm-erp-tryton-customers";
  static final String REASON = "CrmDeadLetterReason";

  private final CustomerPush push;
  private final TrytonPoller poller;
  private final long pollIntervalMs;

  TrytonRoutes(CustomerPush push, TrytonPoller poller, long pollIntervalMs) {
    this.push = push;
    this.poller = poller;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public void configure() {
    from("jms:topic:{{crm.routes.eventsTopic}}?subscriptionDurable=true&subscriptionShared=true"
            + "&subscriptionName="
            + SUBSCRIPTION
            + "&transacted=true"
            + "&selector=RAW(CrmEventType IN ('account.created','account.updated',"
            + "'account.restored'))")
        .routeId("crm-tryton-customer-out")
        .routeGroup("erp")
        .routeDescription("Accounts written to Tryton as parties")
        .routeProperty(RouteConventions.DEAD_LETTER_QUEUE, DEAD_LETTER_QUEUE)
        .routeProperty(RouteConventions.RETRY_TO, "{{crm.routes.eventsTopic}}::" + SUBSCRIPTION)
        .routeProperty(RouteConventions.LAG_QUEUE, "{{crm.routes.eventsTopic}}::" + SUBSCRIPTION)
        .onException(ErpUnavailableException.class)
        .maximumRedeliveries(5)
        .redeliveryDelay(1000)
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .maximumRedeliveryDelay(30_000)
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .end()
        .onException(
            ErpRejectedException.class,
            NotFoundException.class,
            ValidationException.class,
            IllegalArgumentException.class)
        .handled(true)
        .useOriginalMessage()
        .process(e -> e.getMessage().setHeader(REASON, reason(e)))
        .log(
            LoggingLevel.WARN,
            "Account event ${header.CrmEventId} not written to Tryton: ${header." + REASON + "}")
        .to("jms:queue:" + DEAD_LETTER_QUEUE)
        .end()
        .process(this::pushAccount)
        .log(
            LoggingLevel.DEBUG, "Account ${header.CrmAggregateId} written to Tryton party ${body}");

    for (TrytonPoller.Stream stream : TrytonPoller.Stream.values()) {
      from("timer:crm-tryton-"
              + stream.name
              + "?period="
              + pollIntervalMs
              + "&delay="
              + pollIntervalMs)
          .routeId("crm-tryton-poll-" + stream.name)
          .routeGroup("erp")
          .routeDescription("Polls Tryton's " + stream.name + " changes")
          .routeProperty(
              RouteConventions.ERP_STREAMS,
              TrytonErp.SYSTEM + ":" + stream.name + "," + stream.name + ".created")
          .onException(Exception.class)
          .handled(true)
          .log(
              LoggingLevel.WARN,
              "Polling Tryton's "
                  + stream.name
                  + " changes failed, next tick retries: ${exception.message}")
          .end()
          .process(e -> e.getMessage().setBody(poller.drain(stream)))
          .filter(simple("${body} > 0"))
          .log(LoggingLevel.DEBUG, "Tryton " + stream.name + ": ${body} changes applied");
    }
  }

  private void pushAccount(Exchange exchange) {
    // The outbox relay names the account in a header; the body's shape is the event's business.
    String aggregate = exchange.getMessage().getHeader("CrmAggregateId", String.class);
    if (aggregate == null) {
      throw new IllegalArgumentException("account event without a CrmAggregateId header");
    }
    exchange.getMessage().setBody(push.push(UUID.fromString(aggregate)));
  }

  private static String reason(Exchange e) {
    Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
