package org.loopcrm.crm.routes.internal.outbox;

import static org.loopcrm.crm.routes.internal.RouteProperties.ASYNC_PLUGIN_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.EVENTS_TOPIC;
import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_BATCH_SIZE;
import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_POLL_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.event.OutboxService;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Relays the transactional outbox to the events topic, at least once and in outbox order; ASYNC
 * record-plugin jobs (event type {@value AsyncPluginRunner#JOB_EVENT_TYPE}) go to the plugin queue
 * instead and never to the topic.
 *
 * <p>Route {@value #ROUTE_ID}, stages:
 *
 * <ol>
 *   <li>a timer fires every {@code outboxPollIntervalMs} (ticks never overlap); a tick takes batch
 *       after batch while they come back full and go out whole (at most {@value
 *       #MAX_BATCHES_PER_TICK}), so a backlog drains at broker speed;
 *   <li>{@link OutboxService#pending(int)} takes up to {@code outboxBatchSize} unsent events,
 *       oldest first; an empty batch ends the tick;
 *   <li>the batch is split sequentially, in order; each event becomes a JMS message on the {@code
 *       eventsTopic} with the payload as body and the headers {@code CrmEventId}, {@code
 *       CrmEventType}, {@code CrmAggregateType}, {@code CrmAggregateId} and {@code JMSXGroupID} =
 *       aggregate id (one consumer per account in a group); a plugin job becomes the same message
 *       on the {@code asyncPluginQueue} instead, so a record's jobs run in commit order; the send
 *       returns once the broker has accepted the (persistent) message, and only then is the event's
 *       sequence recorded as published;
 *   <li>the first failed send stops the batch: later events are not sent, so no event of an account
 *       overtakes an earlier one; the failure is logged and the rest waits for the next tick;
 *   <li>finally {@link OutboxService#markSent(List)} marks exactly the published events. If the
 *       container dies before this, they are sent again (receivers dedupe on {@code CrmEventId}).
 * </ol>
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class OutboxRelayRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-outbox-relay";

  static final String HEADER_EVENT_ID = "CrmEventId";
  static final String HEADER_EVENT_TYPE = "CrmEventType";
  static final String HEADER_AGGREGATE_TYPE = "CrmAggregateType";
  static final String HEADER_AGGREGATE_ID = "CrmAggregateId";
  static final String HEADER_GROUP_ID = "JMSXGroupID";

  /** Sequences of this tick's published events; the split's sub-exchanges share this list. */
  private static final String PUBLISHED = "CrmOutboxPublished";

  private static final String SEQUENCE = "CrmOutboxSequence";

  /** Whether the tick takes another batch; see {@link #anotherBatch}. */
  private static final String MORE = "CrmOutboxMore";

  /** Whether the last batch was full, so more events may be waiting. */
  private static final String FULL = "CrmOutboxFull";

  static final int MAX_BATCHES_PER_TICK = 50;

  private final OutboxService outbox;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public OutboxRelayRouteBuilder(@Reference OutboxService outbox) {
    this.outbox = outbox;
  }

  @Override
  public void configure() {
    int batchSize =
        Integer.parseInt(getContext().resolvePropertyPlaceholders(placeholder(OUTBOX_BATCH_SIZE)));

    from("timer:" + ROUTE_ID + "?period=" + placeholder(OUTBOX_POLL_INTERVAL_MS))
        .routeId(ROUTE_ID)
        .setProperty(MORE, constant(true))
        .loopDoWhile(OutboxRelayRouteBuilder::anotherBatch)
        .process(
            exchange -> {
              List<OutboxEvent> batch = outbox.pending(batchSize);
              exchange.getMessage().setBody(batch);
              exchange.setProperty(MORE, false);
              exchange.setProperty(FULL, batch.size() == batchSize);
            })
        .filter(exchange -> !exchange.getMessage().getBody(List.class).isEmpty())
        .process(exchange -> exchange.setProperty(PUBLISHED, new ArrayList<Long>()))
        .doTry()
        .split(body())
        .stopOnException()
        .process(OutboxRelayRouteBuilder::toMessage)
        .choice()
        .when(header(HEADER_EVENT_TYPE).isEqualTo(AsyncPluginRunner.JOB_EVENT_TYPE))
        .to("jms:queue:" + placeholder(ASYNC_PLUGIN_QUEUE))
        .otherwise()
        .to("jms:topic:" + placeholder(EVENTS_TOPIC))
        .end()
        .process(OutboxRelayRouteBuilder::recordPublished)
        .end()
        .endDoTry()
        .doCatch(Exception.class)
        .log(
            LoggingLevel.WARN,
            "Outbox relay stopped its batch at a failed publish, retrying next tick:"
                + " ${exception.message}")
        .doFinally()
        .process(this::markPublishedSent)
        .end()
        .end()
        .end();
  }

  /**
   * Whether the tick takes another batch: only after a full batch that went out whole, and at most
   * {@value #MAX_BATCHES_PER_TICK} batches a tick, so a backlog drains at broker speed rather than
   * at one batch per poll interval, and a tick still ends.
   */
  private static boolean anotherBatch(Exchange exchange) {
    Integer index = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
    return Boolean.TRUE.equals(exchange.getProperty(MORE, Boolean.class))
        && (index == null || index < MAX_BATCHES_PER_TICK);
  }

  private static void toMessage(Exchange exchange) throws Exception {
    OutboxEvent event = exchange.getMessage().getMandatoryBody(OutboxEvent.class);
    Message message = exchange.getMessage();
    message.setHeader(HEADER_EVENT_ID, event.eventId().toString());
    message.setHeader(HEADER_EVENT_TYPE, event.type());
    message.setHeader(HEADER_AGGREGATE_TYPE, event.aggregateType());
    message.setHeader(HEADER_AGGREGATE_ID, event.aggregateId());
    message.setHeader(HEADER_GROUP_ID, event.aggregateId());
    message.setBody(event.payload());
    exchange.setProperty(SEQUENCE, event.sequence());
  }

  @SuppressWarnings("unchecked")
  private static void recordPublished(Exchange exchange) {
    exchange.getProperty(PUBLISHED, List.class).add(exchange.getProperty(SEQUENCE, Long.class));
  }

  @SuppressWarnings("unchecked")
  private void markPublishedSent(Exchange exchange) {
    List<Long> published = exchange.getProperty(PUBLISHED, List.class);
    if (published != null && !published.isEmpty()) {
      outbox.markSent(List.copyOf(published));
    }
    List<?> batch = exchange.getMessage().getBody(List.class);
    boolean whole = published != null && batch != null && published.size() == batch.size();
    exchange.setProperty(
        MORE, whole && Boolean.TRUE.equals(exchange.getProperty(FULL, Boolean.class)));
  }
}
