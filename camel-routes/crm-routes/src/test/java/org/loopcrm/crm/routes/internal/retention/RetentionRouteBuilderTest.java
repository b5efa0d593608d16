package org.loopcrm.crm.routes.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.event.OutboxService;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/**
 * The retention route: it purges deliveries before events, in batches until a short one, with the
 * configured cutoff, and not at all when retention is 0.
 */
class RetentionRouteBuilderTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  /** Records the purge calls and answers with the queued batch sizes, then 0. */
  private static final class Purges {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Integer> deliveryBatches = new CopyOnWriteArrayList<>();
    final List<Integer> eventBatches = new CopyOnWriteArrayList<>();

    <T> T proxy(Class<T> type) {
      return type.cast(
          Proxy.newProxyInstance(
              type.getClassLoader(),
              new Class<?>[] {type},
              (p, method, args) -> {
                switch (method.getName()) {
                  case "purgeFinished":
                    calls.add("deliveries<" + args[0] + " max " + args[1]);
                    return deliveryBatches.isEmpty() ? 0 : deliveryBatches.remove(0);
                  case "purgeSent":
                    calls.add("events<" + args[0] + " max " + args[1]);
                    return eventBatches.isEmpty() ? 0 : eventBatches.remove(0);
                  default:
                    throw new AssertionError("not called by the code under test: " + method);
                }
              }));
    }
  }

  private final Purges purges = new Purges();
  private TestBroker broker;

  @BeforeEach
  void startBroker() throws Exception {
    broker = new TestBroker();
  }

  @AfterEach
  void stopBroker() throws Exception {
    broker.close();
  }

  private RetentionRouteBuilder builder() {
    return new RetentionRouteBuilder(
        purges.proxy(OutboxService.class),
        purges.proxy(WebhookService.class),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void purgesDeliveriesThenEventsInBatchesUntilAShortOne() {
    purges.deliveryBatches.addAll(List.of(RetentionRouteBuilder.BATCH, 3));
    purges.eventBatches.addAll(
        List.of(RetentionRouteBuilder.BATCH, RetentionRouteBuilder.BATCH, 7));
    RetentionRouteBuilder.Purged purged = builder().purge(30);
    Instant cutoff = NOW.minus(Duration.ofDays(30));
    assertThat(purged).isEqualTo(new RetentionRouteBuilder.Purged(503, 1007));
    assertThat(purges.calls)
        .containsExactly(
            "deliveries<" + cutoff + " max 500",
            "deliveries<" + cutoff + " max 500",
            "events<" + cutoff + " max 500",
            "events<" + cutoff + " max 500",
            "events<" + cutoff + " max 500");
  }

  @Test
  void theRouteRunsOnItsTimerAndNeverWhenRetentionIsZero() throws Exception {
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 1000, 10, 5, 1000, 7, 50)) {
      runtime.add(builder());
      await().atMost(Duration.ofSeconds(30)).until(() -> purges.calls.size() >= 2);
      assertThat(purges.calls)
          .startsWith(
              "deliveries<" + NOW.minus(Duration.ofDays(7)) + " max 500",
              "events<" + NOW.minus(Duration.ofDays(7)) + " max 500");
    }
    purges.calls.clear();
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 1000, 10, 5, 1000, 0, 50)) {
      NotifyBuilder ticks =
          new NotifyBuilder(runtime.context())
              .fromRoute(RetentionRouteBuilder.ROUTE_ID)
              .whenCompleted(3)
              .create();
      runtime.add(builder());
      assertThat(ticks.matches(30, TimeUnit.SECONDS)).as("the timer ticked three times").isTrue();
      assertThat(purges.calls).isEmpty();
    }
  }
}
