package org.loopcrm.crm.routes.internal.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/**
 * The reminder route: it asks the core for due reminders on its timer, batch after batch until a
 * short one, and runs in the container's CamelContext like the other routes.
 */
class TaskReminderRouteBuilderTest {
  /** Answers with the queued batch sizes, then empty batches, and records each call's max. */
  private static final class Reminders {
    final List<Integer> calls = new CopyOnWriteArrayList<>();
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    ActivityService proxy() {
      return (ActivityService)
          Proxy.newProxyInstance(
              ActivityService.class.getClassLoader(),
              new Class<?>[] {ActivityService.class},
              (p, method, args) -> {
                if (!method.getName().equals("fireDueReminders")) {
                  throw new AssertionError("not called by the code under test: " + method);
                }
                calls.add((Integer) args[0]);
                int n = batches.isEmpty() ? 0 : batches.remove(0);
                List<Notification> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  out.add(
                      new Notification(
                          UUID.randomUUID(),
                          "sales",
                          "Reminder: call back",
                          "activity",
                          UUID.randomUUID(),
                          Instant.now(),
                          null));
                }
                return out;
              });
    }
  }

  private final Reminders reminders = new Reminders();
  private TestBroker broker;

  @BeforeEach
  void startBroker() throws Exception {
    broker = new TestBroker();
  }

  @AfterEach
  void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void firesBatchesUntilAShortOne() {
    reminders.batches.addAll(
        List.of(TaskReminderRouteBuilder.BATCH, TaskReminderRouteBuilder.BATCH, 4));
    int fired = new TaskReminderRouteBuilder(reminders.proxy()).fire();
    assertThat(fired).isEqualTo(2 * TaskReminderRouteBuilder.BATCH + 4);
    assertThat(reminders.calls).containsExactly(100, 100, 100);
  }

  @Test
  void neverMoreThanTheMaximumBatchesInOneRun() {
    for (int i = 0; i < TaskReminderRouteBuilder.MAX_BATCHES + 5; i++) {
      reminders.batches.add(TaskReminderRouteBuilder.BATCH);
    }
    new TaskReminderRouteBuilder(reminders.proxy()).fire();
    assertThat(reminders.calls).hasSize(TaskReminderRouteBuilder.MAX_BATCHES);
  }

  @Test
  void theRouteRunsOnTheOutboxPollTimer() throws Exception {
    reminders.batches.add(2);
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 100, 10)) {
      runtime.add(new TaskReminderRouteBuilder(reminders.proxy()));
      assertThat(
              runtime
                  .context()
                  .getRouteController()
                  .getRouteStatus(TaskReminderRouteBuilder.ROUTE_ID)
                  .isStarted())
          .isTrue();
      // The first run fires 2 (a short batch ends it); later runs find nothing.
      Poll.until("three timer runs", () -> reminders.calls.size() >= 3);
    }
  }
}
