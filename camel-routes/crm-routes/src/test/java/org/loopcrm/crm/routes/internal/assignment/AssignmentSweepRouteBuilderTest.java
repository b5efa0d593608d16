package org.loopcrm.crm.routes.internal.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.SweepResult;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/**
 * The assignment sweep and lead rescore routes: on their timers they call the core as a system user
 * of the integration role.
 */
class AssignmentSweepRouteBuilderTest {
  private final List<Actor> actors = new CopyOnWriteArrayList<>();
  private TestBroker broker;

  private AssignmentService service() {
    return (AssignmentService)
        Proxy.newProxyInstance(
            AssignmentService.class.getClassLoader(),
            new Class<?>[] {AssignmentService.class},
            (p, method, args) -> {
              if (!method.getName().equals("sweep")) {
                throw new AssertionError("not called by the code under test: " + method);
              }
              actors.add((Actor) args[0]);
              return new SweepResult(0, List.of());
            });
  }

  @BeforeEach
  void startBroker() throws Exception {
    broker = new TestBroker();
  }

  @AfterEach
  void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void theRouteSweepsOnItsOwnTimerAsTheIntegration() throws Exception {
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 100, 10, 0, 0, 30, 50)) {
      runtime.add(new AssignmentSweepRouteBuilder(service()));
      assertThat(
              runtime
                  .context()
                  .getRouteController()
                  .getRouteStatus(AssignmentSweepRouteBuilder.ROUTE_ID)
                  .isStarted())
          .isTrue();
      Poll.until("three timer runs", () -> actors.size() >= 3);
    }
    assertThat(actors.get(0).roles()).containsExactly(Role.CRM_INTEGRATION);
    assertThat(actors.get(0).channel()).isEqualTo(Actor.Channel.ROUTE);
  }

  @Test
  void leadsAreScoredAgainOnTheirOwnTimerAsTheIntegration() throws Exception {
    List<Actor> rescorers = new CopyOnWriteArrayList<>();
    LeadService leads =
        (LeadService)
            Proxy.newProxyInstance(
                LeadService.class.getClassLoader(),
                new Class<?>[] {LeadService.class},
                (p, method, args) -> {
                  if (!method.getName().equals("rescoreAll")) {
                    throw new AssertionError("not called by the code under test: " + method);
                  }
                  rescorers.add((Actor) args[0]);
                  return 0;
                });
    try (RuntimeHarness runtime = new RuntimeHarness(broker, 100, 10, 0, 0, 30, 50)) {
      runtime.add(new LeadRescoreRouteBuilder(leads));
      Poll.until("two timer runs", () -> rescorers.size() >= 2);
    }
    assertThat(rescorers.get(0).roles()).containsExactly(Role.CRM_INTEGRATION);
  }
}
