package org.loopcrm.crm.routes.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteConventions;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;
import org.loopcrm.crm.routes.internal.erp.CanonicalFactsRouteBuilder;
import org.loopcrm.crm.routes.internal.erp.RecordingErpFacts;

/** The operations service against a real broker and the canonical facts route. */
class CrmIntegrationServiceTest {
  private static final String QUEUE = "crm.erp.facts";
  private static final String DLQ = "crm.erp.facts.DLQ";
  private static final String ROUTE = CanonicalFactsRouteBuilder.QUEUE_ROUTE;
  private static final Actor ADMIN = actor("root", Role.CRM_ADMIN);
  private static final Actor INTEGRATION = actor("erp", Role.CRM_INTEGRATION);

  private TestBroker broker;
  private RuntimeHarness runtime;
  private final RecordingErpFacts erpFacts = new RecordingErpFacts();
  private CrmIntegrationService service;

  /** A poller as the ERP connectors declare one, and a scheduled route that declares nothing. */
  private static final class PollerRoutes extends RouteBuilder {
    @Override
    public void configure() {
      from("timer:test-poll?period=3600000&delay=3600000")
          .routeId("test-poll-party")
          .routeGroup("erp")
          .routeDescription("Polls the test ERP's parties")
          .routeProperty(RouteConventions.ERP_STREAMS, "testerp:party,party.created")
          .log("polled");
      from("timer:test-tick?period=3600000&delay=3600000").routeId("test-tick").log("tick");
      from("direct:correlated")
          .routeId("test-correlated")
          .process(
              e ->
                  e.setProperty(
                      "seen", e.getProperty(RouteConventions.HEADER_CORRELATION_ID, String.class)))
          .to("jms:queue:crm.test.out");
    }
  }

  private static Actor actor(String user, Role role) {
    return new Actor(user, Set.of(role), Actor.Channel.SHELL);
  }

  private static String payment(String id, String customer) {
    return "{\"type\":\"payment-received\",\"schemaVersion\":1,\"messageId\":\""
        + id
        + "\",\"erpSystem\":\"sap\",\"customerRef\":\""
        + customer
        + "\",\"paymentRef\":\"P-1\",\"amount\":\"9.95\","
        + "\"currency\":\"EUR\",\"receivedAt\":\"2026-11-20T08:00:00Z\"}";
  }

  @BeforeEach
  void setUp() throws Exception {
    broker = new TestBroker();
    runtime = new RuntimeHarness(broker, 50, 100);
    runtime.add(new CanonicalFactsRouteBuilder(erpFacts));
    runtime.add(new PollerRoutes());
    service = new CrmIntegrationService(runtime.context(), erpFacts);
  }

  @AfterEach
  void tearDown() throws Exception {
    runtime.close();
    broker.close();
  }

  private List<DeadLetter> waitForDeadLetters(int n) {
    Poll.until(n + " dead letters", () -> service.deadLetters(ADMIN, DLQ, 50).size() == n);
    return service.deadLetters(ADMIN, DLQ, 50);
  }

  @Test
  void aDeadLetterIsListedWithItsReasonAndARetryMovesItBackOnce() throws Exception {
    broker.send(QUEUE, payment("p-2", "C-2"));

    DeadLetter dead = waitForDeadLetters(1).get(0);
    assertThat(dead.queue()).isEqualTo(DLQ);
    assertThat(dead.originalQueue()).isEqualTo(QUEUE);
    assertThat(dead.reason()).startsWith("unknown customer").contains("C-2");
    assertThat(dead.deliveryCount()).isEqualTo(1);
    assertThat(dead.failedAt()).isBeforeOrEqualTo(Instant.now());
    assertThat(dead.bodyPreview()).contains("\"customerRef\":\"C-2\"");
    RouteStatus failed = service.route(INTEGRATION, ROUTE);
    assertThat(failed.exchangesFailed()).isEqualTo(1);
    assertThat(failed.lastError()).contains("C-2");
    assertThat(failed.lastErrorAt()).isNotNull();
    assertThat(failed.deadLetterQueue()).isEqualTo(DLQ);
    assertThat(failed.replay()).isEqualTo(ReplayKind.RETRY_DEAD_LETTERS);

    // Retried unchanged, it fails again: back on the queue once, first failure time kept.
    RetryResult again = service.retry(ADMIN, DLQ, dead.messageId());
    assertThat(again.retried()).containsExactly(dead.messageId());
    Poll.until("failed twice", () -> service.route(ADMIN, ROUTE).exchangesFailed() == 2);
    DeadLetter twice = waitForDeadLetters(1).get(0);
    assertThat(twice.messageId()).isNotEqualTo(dead.messageId());
    assertThat(twice.deliveryCount()).isEqualTo(2);
    assertThat(twice.failedAt()).isEqualTo(dead.failedAt());

    // Once the customer exists, the retry applies it and the queue is empty.
    erpFacts.knownCustomers.add("C-2");
    service.retry(ADMIN, DLQ, twice.messageId());
    Poll.until("applied", () -> erpFacts.applied("p-2"));
    assertThat(service.deadLetters(ADMIN, DLQ, 50)).isEmpty();
    Poll.untilAsserted(
        () -> {
          RouteStatus ok = service.route(ADMIN, ROUTE);
          assertThat(ok.exchangesCompleted()).isEqualTo(1);
          assertThat(ok.exchangesTotal()).isEqualTo(3);
          assertThat(ok.lastSuccessAt()).isNotNull();
        });
    assertThat(erpFacts.facts.stream().filter(f -> f.messageId().equals("p-2"))).hasSize(3);
  }

  @Test
  void retryAllMovesEveryDeadLetterAndUnknownOnesAreRefused() throws Exception {
    broker.send(QUEUE, payment("p-3", "C-3"));
    broker.send(QUEUE, payment("p-4", "C-4"));
    waitForDeadLetters(2);
    assertThat(service.deadLetterQueues(ADMIN))
        .filteredOn(q -> q.name().equals(DLQ))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.routes()).containsExactly(ROUTE);
              assertThat(q.retryTo()).isEqualTo(QUEUE);
              assertThat(q.messages()).isEqualTo(2L);
            });

    assertThatThrownBy(() -> service.retry(ADMIN, DLQ, "ID:no-such-message"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ID:no-such-message");
    assertThatThrownBy(() -> service.retry(ADMIN, DLQ, "x' OR '1'='1"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("messageId");
    assertThatThrownBy(() -> service.deadLetters(ADMIN, "crm.nope.DLQ", 10))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("crm.nope.DLQ");
    assertThatThrownBy(() -> service.deadLetters(ADMIN, DLQ, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");

    erpFacts.knownCustomers.addAll(List.of("C-3", "C-4"));
    RetryResult all = service.retryAll(ADMIN, DLQ);
    assertThat(all.retried()).hasSize(2);
    Poll.until("both applied", () -> erpFacts.applied("p-3") && erpFacts.applied("p-4"));
    assertThat(service.deadLetters(ADMIN, DLQ, 50)).isEmpty();
    assertThat(service.retryAll(ADMIN, DLQ).retried()).isEmpty();
  }

  @Test
  void onlyAdministratorsRetryAndReplayAndTheIntegrationMayRead() {
    Actor viewer = actor("vic", Role.CRM_VIEWER);
    assertThatThrownBy(() -> service.routes(viewer)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> service.deadLetters(viewer, DLQ, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(service.routes(INTEGRATION)).isNotEmpty();
    assertThatThrownBy(() -> service.retryAll(INTEGRATION, DLQ))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> service.replay(INTEGRATION, ROUTE, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aStoppedQueueRouteShowsItsWaitingMessagesAsLag() throws Exception {
    runtime.context().getRouteController().stopRoute(ROUTE);
    for (int i = 0; i < 3; i++) {
      broker.send(QUEUE, payment("lag-" + i, "C-1"));
    }

    RouteStatus stopped = service.route(ADMIN, ROUTE);
    assertThat(stopped.state()).isEqualTo(RouteState.STOPPED);
    assertThat(stopped.lag().pendingMessages()).isEqualTo(3L);
    assertThat(stopped.group()).isEqualTo("erp");
    assertThat(stopped.description()).contains(QUEUE);

    runtime.context().getRouteController().startRoute(ROUTE);
    Poll.until("drained", () -> service.route(ADMIN, ROUTE).lag().pendingMessages() == 0L);
    assertThat(service.route(ADMIN, ROUTE).state()).isEqualTo(RouteState.STARTED);
    assertThatThrownBy(() -> service.route(ADMIN, "crm-nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("crm-nope");
  }

  @Test
  void replayingAPollerRewindsItsStreamsAndItsLagIsTheWatermarkAge() {
    erpFacts.advance("testerp", "party", new Watermark(Instant.now().minusSeconds(600), 5));
    erpFacts.advance("testerp", "party.created", new Watermark(Instant.now().minusSeconds(60), 9));
    RouteStatus poller = service.route(ADMIN, "test-poll-party");
    assertThat(poller.streams()).containsExactly("testerp/party", "testerp/party.created");
    assertThat(poller.replay()).isEqualTo(ReplayKind.REWIND_STREAMS);
    assertThat(poller.lag().watermarkAge()).isBetween(Duration.ofSeconds(599), Duration.ofHours(1));

    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    ReplayResult replay = service.replay(ADMIN, "test-poll-party", from);
    assertThat(replay.kind()).isEqualTo(ReplayKind.REWIND_STREAMS);
    assertThat(replay.streams()).hasSize(2);
    assertThat(erpFacts.watermark("testerp", "party")).isEqualTo(new Watermark(from, 0));
    assertThat(erpFacts.watermark("testerp", "party.created")).isEqualTo(new Watermark(from, 0));

    assertThatThrownBy(() -> service.replay(ADMIN, "test-poll-party", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(
            () -> service.replay(ADMIN, "test-poll-party", Instant.now().plusSeconds(3600)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(() -> service.replay(ADMIN, "test-tick", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nothing to replay");
    assertThatThrownBy(() -> service.replay(ADMIN, ROUTE, from))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be empty");
  }

  @Test
  void replayingAQueueRouteRetriesItsDeadLettersAndMetricsCoverEveryRouteAndQueue()
      throws Exception {
    broker.send(QUEUE, payment("p-5", "C-5"));
    waitForDeadLetters(1);
    erpFacts.knownCustomers.add("C-5");

    ReplayResult replay = service.replay(ADMIN, ROUTE, null);
    assertThat(replay.kind()).isEqualTo(ReplayKind.RETRY_DEAD_LETTERS);
    assertThat(replay.retried().retried()).hasSize(1);
    Poll.until("applied", () -> erpFacts.applied("p-5"));

    IntegrationMetrics metrics = service.metrics(INTEGRATION);
    assertThat(metrics.routes())
        .extracting(RouteStatus::id)
        .contains(ROUTE, "test-poll-party", "test-tick");
    assertThat(metrics.deadLetterQueues())
        .extracting(DeadLetterQueue::name)
        .containsExactly(DLQ, RouteConventions.BROKER_DEAD_LETTER_QUEUE);
  }

  @Test
  void aCorrelationIdIsTakenOrMadeSentOnAndKeptOnDeadLetters() throws Exception {
    try (var producer = runtime.context().createProducerTemplate()) {
      var exchange =
          producer.send(
              "direct:correlated",
              e -> {
                e.getMessage().setBody("hello");
                e.getMessage().setHeader(RouteConventions.HEADER_CORRELATION_ID, "corr-in");
              });
      assertThat(exchange.getException()).isNull();
      assertThat(exchange.getProperty("seen")).isEqualTo("corr-in");
      assertThat(broker.receive("crm.test.out", 5_000).getStringProperty("CrmCorrelationId"))
          .isEqualTo("corr-in");
      // (slf4j-simple has no MDC: that the key is put is seen in the container's log only.)

      producer.sendBodyAndHeader(
          "jms:queue:" + QUEUE, payment("p-6", "C-6"), "JMSCorrelationID", "jms-corr-6");
      assertThat(waitForDeadLetters(1).get(0).correlationId()).isEqualTo("jms-corr-6");
    }
    broker.send(QUEUE, payment("p-7", "C-7"));
    List<DeadLetter> both = waitForDeadLetters(2);
    assertThat(both.get(1).correlationId()).isNotBlank().isNotEqualTo("jms-corr-6");
  }
}
