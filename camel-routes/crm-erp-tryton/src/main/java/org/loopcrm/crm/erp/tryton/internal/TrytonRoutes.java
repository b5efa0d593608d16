package org.loopcrm.crm.erp.tryton.internal;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.loopcrm.crm.api.ConcurrentChangeException;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.integration.RouteConventions;

/**
 * The Tryton connector's routes.
 *
 * <ul>
 *   <li>{@code crm-tryton-customer-out}: account events (and changes of its contact mechanisms)
 *       from the CRM's events topic (a shared durable subscription, consumed in a JMS transaction)
 *       write the account to Tryton. Tryton down: retried with exponential back-off, then rolled
 *       back to the broker, which delivers it again later. Tryton refuses: the event goes to the
 *       connector's dead-letter queue with the reason.
 *   <li>{@code crm-tryton-commands}: commands to the ERP (sales, productions, projects) from the
 *       same topic, the same way, carried out by {@link CommandExecutor}.
 *   <li>{@code crm-tryton-poll-<stream>}: one timer per stream (party, invoice, sale, shipment,
 *       production, project) drains Tryton's changes since the stream's watermark (see {@link
 *       TrytonPoller}).
 * </ul>
 */
final class TrytonRoutes extends RouteBuilder {
  static final String DEAD_LETTER_QUEUE = "crm.erp.tryton.DLQ";
  static final String SUBSCRIPTION = "crm-erp-tryton-customers";
  static final String REASON = "CrmDeadLetterReason";

  static final String COMMAND_SUBSCRIPTION = "crm-erp-tryton-commands";

  private final CustomerPush push;
  private final CommandExecutor executor;
  private final TrytonPoller poller;
  private final long pollIntervalMs;

  TrytonRoutes(
      CustomerPush push, CommandExecutor executor, TrytonPoller poller, long pollIntervalMs) {
    this.push = push;
    this.executor = executor;
    this.poller = poller;
    this.pollIntervalMs = pollIntervalMs;
  }

  @Override
  public void configure() {
    outOfTheCrm(
            "crm-tryton-customer-out",
            SUBSCRIPTION,
            "CrmEventType IN ('account.created','account.updated','account.restored',"
                + "'contact-mechanism.added','contact-mechanism.updated','contact-mechanism.removed')",
            "Accounts written to Tryton as parties",
            "Account event ${header.CrmEventId} not written to Tryton")
        .process(this::pushAccount)
        .log(
            LoggingLevel.DEBUG, "Account ${header.CrmAggregateId} written to Tryton party ${body}");

    outOfTheCrm(
            "crm-tryton-commands",
            COMMAND_SUBSCRIPTION,
            "CrmEventType = '" + ErpCommandService.REQUESTED + "'",
            "Commands to the ERP (sales, productions, projects) carried out in Tryton",
            "ERP command ${header.CrmAggregateId} not carried out in Tryton")
        .process(this::carryOut)
        .log(LoggingLevel.INFO, "ERP command ${header.CrmAggregateId}: ${body}");

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

  /**
   * A route taking CRM events of the selected types from the events topic: a shared durable
   * subscription consumed in a JMS transaction. Tryton down: retried with exponential back-off,
   * then rolled back to the broker, which delivers it again later. Tryton or the CRM refusing: the
   * event goes to the connector's dead-letter queue with the reason.
   */
  private RouteDefinition outOfTheCrm(
      String routeId, String subscription, String selector, String description, String refusal) {
    RouteDefinition route =
        from("jms:topic:{{crm.routes.eventsTopic}}?subscriptionDurable=true"
                + "&subscriptionShared=true&subscriptionName="
                + subscription
                + "&transacted=true&selector=RAW("
                + selector
                + ")")
            .routeId(routeId)
            .routeGroup("erp")
            .routeDescription(description)
            .routeProperty(RouteConventions.DEAD_LETTER_QUEUE, DEAD_LETTER_QUEUE)
            .routeProperty(RouteConventions.RETRY_TO, "{{crm.routes.eventsTopic}}::" + subscription)
            .routeProperty(
                RouteConventions.LAG_QUEUE, "{{crm.routes.eventsTopic}}::" + subscription);
    route
        // Tryton not answering, or the CRM record changed by another thread meanwhile: both pass.
        .onException(ErpUnavailableException.class, ConcurrentChangeException.class)
        .maximumRedeliveries(5)
        .redeliveryDelay(1000)
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .maximumRedeliveryDelay(30_000)
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .end();
    route
        .onException(
            ErpRejectedException.class,
            NotFoundException.class,
            ConflictException.class,
            ValidationException.class,
            IllegalArgumentException.class)
        .handled(true)
        .useOriginalMessage()
        .process(e -> e.getMessage().setHeader(REASON, reason(e)))
        .log(LoggingLevel.WARN, refusal + ": ${header." + REASON + "}")
        .to("jms:queue:" + DEAD_LETTER_QUEUE)
        .end();
    return route;
  }

  private void carryOut(Exchange exchange) {
    exchange.getMessage().setBody(executor.execute(aggregate(exchange, "ERP command")));
  }

  private static UUID aggregate(Exchange exchange, String what) {
    // The outbox relay names the record in a header; the body's shape is the event's business.
    String aggregate = exchange.getMessage().getHeader("CrmAggregateId", String.class);
    if (aggregate == null) {
      throw new IllegalArgumentException(what + " event without a CrmAggregateId header");
    }
    return UUID.fromString(aggregate);
  }

  private void pushAccount(Exchange exchange) {
    String type = exchange.getMessage().getHeader("CrmEventType", String.class);
    boolean mechanisms = type != null && type.startsWith("contact-mechanism.");
    exchange.getMessage().setBody(push.push(aggregate(exchange, "account"), mechanisms));
  }

  private static String reason(Exchange e) {
    Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
