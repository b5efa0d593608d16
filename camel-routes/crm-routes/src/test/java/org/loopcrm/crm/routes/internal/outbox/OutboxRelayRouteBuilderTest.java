package org.loopcrm.crm.routes.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

class OutboxRelayRouteBuilderTest {
  private TestBroker broker;
  private RuntimeHarness runtime;
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final List<OutboxEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    String[] accounts = {"A-1", "B-2", "A-1", "A-1", "B-2"};
    for (int i = 0; i < accounts.length; i++) {
      OutboxEvent event =
          new OutboxEvent(
              i + 1,
              UUID.randomUUID(),
              "account",
              accounts[i],
              i == 0 ? "account.created" : "account.updated",
              "{\"n\":" + (i + 1) + "}",
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
      events.add(event);
      outbox.add(event);
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    broker.close();
  }

  @Test
  void publishesEventsInSequenceOrderWithHeadersAndMarksThemSent() throws Exception {
    BlockingQueue<Message> received = broker.subscribe("crm.events");
    runtime = new RuntimeHarness(broker, 50, 2); // batches of two: order must hold across ticks
    runtime.add(new OutboxRelayRouteBuilder(outbox));

    Poll.until("5 events on the topic", () -> received.size() == 5);
    List<Message> messages = new ArrayList<>(received);
    assertThat(eventIds(messages)).containsExactlyElementsOf(ids(events));
    for (int i = 0; i < events.size(); i++) {
      OutboxEvent event = events.get(i);
      Message message = messages.get(i);
      assertThat(((TextMessage) message).getText()).isEqualTo(event.payload());
      assertThat(message.getStringProperty("CrmEventType")).isEqualTo(event.type());
      assertThat(message.getStringProperty("CrmAggregateType")).isEqualTo("account");
      assertThat(message.getStringProperty("CrmAggregateId")).isEqualTo(event.aggregateId());
      assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo(event.aggregateId());
    }
    Poll.until("all marked sent", () -> outbox.sent().size() == 5);
    assertThat(outbox.markSentCalls).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    assertThat(runtime.context().getRouteController().getRouteStatus("crm-outbox-relay"))
        .isEqualTo(ServiceStatus.Started);
  }

  @Test
  void aBacklogDrainsWithinOneTick() throws Exception {
    BlockingQueue<Message> received = broker.subscribe("crm.events");
    runtime = new RuntimeHarness(broker, 600_000, 2); // one tick in this test's lifetime
    runtime.add(new OutboxRelayRouteBuilder(outbox));

    Poll.until("5 events on the topic", () -> received.size() == 5);
    Poll.until("all marked sent", () -> outbox.sent().size() == 5);
    assertThat(eventIds(new ArrayList<>(received))).containsExactlyElementsOf(ids(events));
    assertThat(outbox.markSentCalls).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    assertThat(outbox.polls.get()).as("batches 2 + 2 + 1, the last one short").isEqualTo(3);
  }

  @Test
  void aFailedPublishStopsTheBatchThereAndIsRetriedNextTick() throws Exception {
    broker.reject(events.get(2).eventId().toString());
    BlockingQueue<Message> received = broker.subscribe("crm.events");
    runtime = new RuntimeHarness(broker, 50, 10);
    runtime.add(new OutboxRelayRouteBuilder(outbox));

    Poll.until("events 1 and 2 marked sent", () -> outbox.sent().size() == 2);
    int pollsAfterFirstFailure = outbox.polls.get();
    Poll.until("three more failing ticks", () -> outbox.polls.get() >= pollsAfterFirstFailure + 3);

    assertThat(eventIds(new ArrayList<>(received))).containsExactlyElementsOf(ids(events, 0, 2));
    assertThat(outbox.sent()).containsExactlyInAnyOrder(1L, 2L);
    assertThat(outbox.markSentCalls).containsExactly(List.of(1L, 2L));

    broker.accept(events.get(2).eventId().toString());
    Poll.until("all 5 events on the topic", () -> received.size() == 5);
    Poll.until("all marked sent", () -> outbox.sent().size() == 5);
    assertThat(eventIds(new ArrayList<>(received))).containsExactlyElementsOf(ids(events));
    assertThat(outbox.markSentCalls).containsExactly(List.of(1L, 2L), List.of(3L, 4L, 5L));
  }

  @Test
  void removingTheBuilderRemovesItsRoute() throws Exception {
    runtime = new RuntimeHarness(broker, 50, 10);
    OutboxRelayRouteBuilder builder = new OutboxRelayRouteBuilder(outbox);
    runtime.add(builder);
    assertThat(runtime.context().getRoute("crm-outbox-relay")).isNotNull();

    runtime.remove(builder);

    assertThat(runtime.context().getRoute("crm-outbox-relay")).isNull();
    assertThat(runtime.context().getRoutes()).isEmpty();
  }

  private static List<String> ids(List<OutboxEvent> events) {
    return ids(events, 0, events.size());
  }

  private static List<String> ids(List<OutboxEvent> events, int from, int to) {
    return events.subList(from, to).stream().map(e -> e.eventId().toString()).toList();
  }

  private static List<String> eventIds(List<Message> messages) throws JMSException {
    List<String> ids = new ArrayList<>();
    for (Message m : messages) {
      ids.add(m.getStringProperty("CrmEventId"));
    }
    return ids;
  }
}
