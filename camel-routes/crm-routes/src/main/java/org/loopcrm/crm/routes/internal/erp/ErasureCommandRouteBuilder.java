package org.loopcrm.crm.routes.internal.erp;

import static org.loopcrm.crm.routes.internal.RouteProperties.ERASURE_DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.ERASURE_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.EVENTS_TOPIC;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.integration.RouteConventions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Turns {@code party.erased} events into erasure commands for the copies of personal data held
 * outside the CRM (the ERP first): GDPR erasure reaches every copy.
 *
 * <p>Route {@value #ROUTE_ID}, stages:
 *
 * <ol>
 *   <li>consumes the {@code eventsTopic} through the shared durable subscription {@value
 *       #SUBSCRIPTION} with the selector {@code CrmEventType = 'party.erased'}, in a local JMS
 *       transaction: events published while the CRM (or this route) is down wait in the
 *       subscription, and with several CRM nodes each event reaches one of them;
 *   <li>parses the event JSON into a map with the embedded Jackson (no type is taken from the
 *       message);
 *   <li>{@link ErasureCommandWriter} checks it is a {@code party.erased} event with a subject id
 *       and builds the command, version 1: {@code schemaVersion}, {@code commandId} (= the event
 *       id, receivers dedupe on it), {@code type} = {@code erase-party}, {@code subjectId}, {@code
 *       subjectType}, {@code requestId}, {@code erpRefs}, {@code accountIds}, {@code erasedAt},
 *       {@code requestedBy}; ids and ERP references only, never personal data;
 *   <li>sends it, persistent, to the {@code erasureQueue} with the headers {@value
 *       ErasureCommandWriter#HEADER_COMMAND_ID} and {@value
 *       ErasureCommandWriter#HEADER_COMMAND_TYPE};
 *   <li>the JMS transaction commits.
 * </ol>
 *
 * <p>Failures: an event that is not valid JSON or not a well-formed {@code party.erased} event can
 * never succeed: the original body goes to the {@code erasureDeadLetterQueue} with the header
 * {@value DeadLetterReason#HEADER} and is consumed. Any other failure (the send fails, say) rolls
 * the JMS transaction back and the broker redelivers the event (1 s apart, 10 attempts, then the
 * broker's own {@code DLQ}).
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class ErasureCommandRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-erp-erasure-command";

  /** The durable subscription's name on the events topic. */
  public static final String SUBSCRIPTION = "crm-erp-erasure";

  /** The event type the route takes. */
  public static final String EVENT_TYPE = "party.erased";

  /** The shared subscription's queue on the events topic's address, as Artemis names it. */
  private static String subscriptionQueue() {
    return placeholder(EVENTS_TOPIC) + "::" + SUBSCRIPTION;
  }

  @Override
  public void configure() {
    from("jms:topic:"
            + placeholder(EVENTS_TOPIC)
            + "?transacted=true&subscriptionDurable=true&subscriptionShared=true"
            + "&subscriptionName="
            + SUBSCRIPTION
            + "&selector=RAW(CrmEventType = '"
            + EVENT_TYPE
            + "')")
        .routeId(ROUTE_ID)
        .routeGroup("erp")
        .routeDescription("Erasure commands from party.erased events")
        .routeProperty(RouteConventions.DEAD_LETTER_QUEUE, placeholder(ERASURE_DEAD_LETTER_QUEUE))
        .routeProperty(RouteConventions.RETRY_TO, subscriptionQueue())
        .routeProperty(RouteConventions.LAG_QUEUE, subscriptionQueue())
        .onException(RejectedMessageException.class)
        .handled(true)
        .useOriginalMessage()
        .process(new DeadLetterReason(subscriptionQueue()))
        .log(
            LoggingLevel.WARN,
            "Erasure event ${header.CrmEventId} dead-lettered: ${header."
                + DeadLetterReason.HEADER
                + "}")
        .to("jms:queue:" + placeholder(ERASURE_DEAD_LETTER_QUEUE))
        .end()
        .process(new JsonObjectReader(getContext()))
        .process(new ErasureCommandWriter())
        .to("jms:queue:" + placeholder(ERASURE_QUEUE))
        .log(
            LoggingLevel.INFO,
            "Erasure command ${header."
                + ErasureCommandWriter.HEADER_COMMAND_ID
                + "} sent for data subject ${header.CrmAggregateId}");
  }
}
