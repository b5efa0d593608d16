package org.loopcrm.crm.routes.internal.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/** party.erased events on the events topic become erasure commands, durably, on a real broker. */
class ErasureCommandRouteBuilderTest {
  private static final String TOPIC = "crm.events";
  private static final String QUEUE = "crm.erp.erasure";
  private static final String DLQ = "crm.erp.erasure.DLQ";

  private TestBroker broker;
  private RuntimeHarness runtime;
  private ErasureCommandRouteBuilder routes;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, 1000, 10);
    routes = new ErasureCommandRouteBuilder();
    runtime.add(routes);
    Poll.until(
        "the route consumes",
        () ->
            runtime
                    .context()
                    .getRouteController()
                    .getRouteStatus(ErasureCommandRouteBuilder.ROUTE_ID)
                == ServiceStatus.Started);
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  @Test
  void aPartyErasedEventBecomesOneErasureCommandWithIdsOnly() throws Exception {
    String eventId = UUID.randomUUID().toString();
    String subject = UUID.randomUUID().toString();
    String request = UUID.randomUUID().toString();
    String account = UUID.randomUUID().toString();
    awaitSubscription();

    broker.publish(TOPIC, erased(eventId, subject, request, account), headers(eventId, subject));
    broker.publish(
        TOPIC,
        "{\"type\":\"account.created\",\"data\":{\"name\":\"Ada\"}}",
        Map.of("CrmEventType", "account.created", "CrmEventId", UUID.randomUUID().toString()));

    Message m = broker.receive(QUEUE, 10_000);
    assertThat(m).isNotNull();
    assertThat(m.getStringProperty("CrmCommandId")).isEqualTo(eventId);
    assertThat(m.getStringProperty("CrmCommandType")).isEqualTo("erase-party");
    JsonNode command = json.readTree(((TextMessage) m).getText());
    assertThat(command.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(command.get("commandId").asText()).isEqualTo(eventId);
    assertThat(command.get("type").asText()).isEqualTo("erase-party");
    assertThat(command.get("subjectId").asText()).isEqualTo(subject);
    assertThat(command.get("subjectType").asText()).isEqualTo("person");
    assertThat(command.get("requestId").asText()).isEqualTo(request);
    assertThat(command.get("erpRefs").get(0).asText()).isEqualTo("P-\"1\"");
    assertThat(command.get("accountIds").get(0).asText()).isEqualTo(account);
    assertThat(command.get("erasedAt").asText()).isEqualTo("2026-01-31T12:00:00Z");
    assertThat(command.get("requestedBy").asText()).isEqualTo("dpo");
    assertThat(broker.receive(QUEUE, 500)).as("other event types make no command").isNull();
    assertThat(broker.receive(DLQ, 200)).isNull();
  }

  @Test
  void eventsPublishedWhileTheRouteIsDownAreNotLost() throws Exception {
    awaitSubscription();
    runtime.remove(routes);
    String eventId = UUID.randomUUID().toString();
    String subject = UUID.randomUUID().toString();

    broker.publish(
        TOPIC,
        erased(eventId, subject, UUID.randomUUID().toString(), UUID.randomUUID().toString()),
        headers(eventId, subject));
    assertThat(broker.receive(QUEUE, 500)).isNull();
    runtime.add(new ErasureCommandRouteBuilder());

    Message m = broker.receive(QUEUE, 10_000);
    assertThat(m).isNotNull();
    assertThat(m.getStringProperty("CrmCommandId")).isEqualTo(eventId);
  }

  @Test
  void aMalformedEventGoesToTheDeadLetterQueueWithItsReason() throws Exception {
    awaitSubscription();
    String eventId = UUID.randomUUID().toString();
    String body = "{\"type\":\"party.erased\",\"eventId\":\"" + eventId + "\",\"data\":{}}";

    broker.publish(TOPIC, body, headers(eventId, "x"));

    Message dead = broker.receive(DLQ, 10_000);
    assertThat(dead).isNotNull();
    assertThat(((TextMessage) dead).getText()).isEqualTo(body);
    assertThat(dead.getStringProperty(DeadLetterReason.HEADER))
        .isEqualTo("invalid event: subjectId must be a string");
    assertThat(broker.receive(QUEUE, 500)).isNull();
  }

  /**
   * The shared durable subscription exists once the listener has connected; publish a marker and
   * drain its command, so the test's own events cannot be published before it.
   */
  private void awaitSubscription() throws Exception {
    String marker = UUID.randomUUID().toString();
    Poll.untilAsserted(
        () -> {
          try {
            broker.publish(
                TOPIC,
                erased(
                    marker,
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString()),
                headers(marker, "warm-up"));
            Message m = broker.receive(QUEUE, 1000);
            assertThat(m).isNotNull();
          } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
          }
        });
    while (broker.receive(QUEUE, 300) != null) {
      // drain the warm-up commands
    }
  }

  private static Map<String, String> headers(String eventId, String subject) {
    return Map.of(
        "CrmEventType",
        "party.erased",
        "CrmEventId",
        eventId,
        "CrmAggregateType",
        "person",
        "CrmAggregateId",
        subject);
  }

  private static String erased(String eventId, String subject, String request, String account) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\"party.erased\",\"aggregateType\":\"person\",\"aggregateId\":\""
        + subject
        + "\",\"occurredAt\":\"2026-01-31T12:00:00Z\",\"data\":{\"subjectId\":\""
        + subject
        + "\",\"subjectType\":\"person\",\"requestId\":\""
        + request
        + "\",\"accountIds\":[\""
        + account
        + "\"],\"erpRefs\":[\"P-\\\"1\\\"\"],\"erasedAt\":\"2026-01-31T12:00:00Z\","
        + "\"by\":\"dpo\",\"channel\":\"REST\"}}";
  }
}
