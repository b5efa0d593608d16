package org.loopcrm.crm.routes.internal.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.ForecastSnapshot;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/**
 * The forecast snapshot route: it snapshots the current and the next quarter as a system user of
 * the integration role, on its own timer, and stays stopped with an interval of 0.
 */
class ForecastSnapshotRouteBuilderTest {
  private final List<String> periods = new CopyOnWriteArrayList<>();
  private final List<Actor> actors = new CopyOnWriteArrayList<>();
  private TestBroker broker;

  private ForecastService service() {
    return (ForecastService)
        Proxy.newProxyInstance(
            ForecastService.class.getClassLoader(),
            new Class<?>[] {ForecastService.class},
            (p, method, args) -> {
              if (!method.getName().equals("snapshot")) {
                throw new AssertionError("not called by the code under test: " + method);
              }
              actors.add((Actor) args[0]);
              periods.add((String) args[1]);
              return new ForecastSnapshot(
                  UUID.randomUUID(), (String) args[1], Instant.EPOCH, "x", 3);
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
  void snapshotsTheCurrentAndTheNextQuarterAsTheIntegration() {
    Clock december = Clock.fixed(Instant.parse("2027-12-30T23:00:00Z"), ZoneOffset.UTC);
    List<ForecastSnapshot> taken =
        new ForecastSnapshotRouteBuilder(service(), december).snapshotNow();
    assertThat(taken).extracting(ForecastSnapshot::period).containsExactly("2027-Q4", "2028-Q1");
    assertThat(periods).containsExactly("2027-Q4", "2028-Q1");
    assertThat(actors.get(0).roles()).containsExactly(Role.CRM_INTEGRATION);
    assertThat(actors.get(0).channel()).isEqualTo(Actor.Channel.ROUTE);
  }

  @Test
  void theRouteRunsOnItsOwnTimer() throws Exception {
    try (RuntimeHarness runtime = RuntimeHarness.withForecastSnapshots(broker, 50)) {
      runtime.add(new ForecastSnapshotRouteBuilder(service()));
      Poll.until("two timer runs", () -> periods.size() >= 4);
    }
  }

  @Test
  void anIntervalOfZeroKeepsTheRouteStopped() throws Exception {
    try (RuntimeHarness runtime = RuntimeHarness.withForecastSnapshots(broker, 0)) {
      runtime.add(new ForecastSnapshotRouteBuilder(service()));
      assertThat(
              runtime
                  .context()
                  .getRouteController()
                  .getRouteStatus(ForecastSnapshotRouteBuilder.ROUTE_ID)
                  .isStopped())
          .isTrue();
    }
  }
}
