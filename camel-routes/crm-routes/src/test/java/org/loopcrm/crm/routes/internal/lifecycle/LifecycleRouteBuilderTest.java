package org.loopcrm.crm.routes.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.LifecycleService.Sweep;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/**
 * The lifecycle route: on its timer it walks every account with purchases in batches, continuing
 * after the last id of each batch until a short one, as a system user of the integration role.
 */
class LifecycleRouteBuilderTest {
  /** Answers evaluateAll with the queued batch sizes and records each call. */
  private static final class Sweeps {
    final List<String> afters = new CopyOnWriteArrayList<>();
    final List<Actor> actors = new CopyOnWriteArrayList<>();
    final List<Integer> batches = new ArrayList<>();
    int served;

    LifecycleService proxy() {
      return (LifecycleService)
          Proxy.newProxyInstance(
              LifecycleService.class.getClassLoader(),
              new Class<?>[] {LifecycleService.class},
              (p, method, args) -> {
                if (!method.getName().equals("evaluateAll")) {
                  throw new AssertionError("not called by the code under test: " + method);
                }
                actors.add((Actor) args[0]);
                afters.add((String) args[1]);
                assertThat((Integer) args[2]).isEqualTo(LifecycleRouteBuilder.BATCH);
                synchronized (this) {
                  int n = batches.isEmpty() ? 0 : batches.remove(0);
                  served += n;
                  return new Sweep(n, n / 2, n == 0 ? null : "id-" + served);
                }
              });
    }
  }

  private final Sweeps sweeps = new Sweeps();
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
  void walksEveryBatchContinuingAfterTheLastId() {
    sweeps.batches.addAll(List.of(LifecycleRouteBuilder.BATCH, LifecycleRouteBuilder.BATCH, 7));
    Sweep s = new LifecycleRouteBuilder(sweeps.proxy()).sweep();
    assertThat(s.examined()).isEqualTo(2 * LifecycleRouteBuilder.BATCH + 7);
    assertThat(s.moved()).isEqualTo(LifecycleRouteBuilder.BATCH + 3);
    assertThat(sweeps.afters).containsExactly(null, "id-500", "id-1000");
    assertThat(sweeps.actors.get(0).roles()).containsExactly(Role.CRM_INTEGRATION);
    assertThat(sweeps.actors.get(0).channel()).isEqualTo(Actor.Channel.ROUTE);
  }

  @Test
  void theRouteRunsOnItsOwnTimer() throws Exception {
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 100, 10, 0, 0, 30, 50)) {
      runtime.add(new LifecycleRouteBuilder(sweeps.proxy()));
      assertThat(
              runtime
                  .context()
                  .getRouteController()
                  .getRouteStatus(LifecycleRouteBuilder.ROUTE_ID)
                  .isStarted())
          .isTrue();
      Poll.until("three timer runs", () -> sweeps.afters.size() >= 3);
    }
  }
}
