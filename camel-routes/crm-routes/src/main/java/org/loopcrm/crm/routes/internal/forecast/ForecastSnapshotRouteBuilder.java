package org.loopcrm.crm.routes.internal.forecast;

import static org.loopcrm.crm.routes.internal.RouteProperties.FORECAST_SNAPSHOT_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.sales.ForecastPeriod;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.ForecastSnapshot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots the forecast on a schedule. Stages:
 *
 * <ol>
 *   <li>a timer fires a minute after the start (at most) and then every {@code
 *       forecastSnapshotIntervalMs} (PID {@code crm.routes}, default a week); with 0 the route is
 *       there but stopped, and snapshots are taken on demand ({@code POST /forecast/snapshots},
 *       {@code crm:forecast-snapshot}) or by starting the route;
 *   <li>{@link ForecastService#snapshot} copies the opportunities closing in the current quarter,
 *       then those of the next one (UTC dates), each in its own transaction, as the system user
 *       {@value #USER} of the integration role.
 * </ol>
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class ForecastSnapshotRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-forecast-snapshots";

  static final String USER = "forecast-snapshots";
  private static final Actor ROUTE = Actor.system(USER);
  private static final long FIRST_RUN_MS = 60_000L;
  private static final Logger LOG = LoggerFactory.getLogger(ForecastSnapshotRouteBuilder.class);

  private final ForecastService forecasts;
  private final Clock clock;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public ForecastSnapshotRouteBuilder(@Reference ForecastService forecasts) {
    this(forecasts, Clock.systemUTC());
  }

  ForecastSnapshotRouteBuilder(ForecastService forecasts, Clock clock) {
    this.forecasts = forecasts;
    this.clock = clock;
  }

  @Override
  public void configure() {
    long interval =
        Long.parseLong(
            getContext().resolvePropertyPlaceholders(placeholder(FORECAST_SNAPSHOT_INTERVAL_MS)));
    boolean enabled = interval > 0;
    long period = enabled ? interval : 604_800_000L;
    from("timer:" + ROUTE_ID + "?delay=" + Math.min(FIRST_RUN_MS, period) + "&period=" + period)
        .routeId(ROUTE_ID)
        .autoStartup(enabled)
        .process(exchange -> exchange.getMessage().setBody(snapshotNow()));
  }

  /** Snapshots the current and the next quarter. */
  List<ForecastSnapshot> snapshotNow() {
    ForecastPeriod current = ForecastPeriod.quarterOf(LocalDate.now(clock));
    List<ForecastSnapshot> taken =
        List.of(
            forecasts.snapshot(ROUTE, current.key()),
            forecasts.snapshot(ROUTE, current.next().key()));
    LOG.info(
        "forecast snapshots: {} ({} opportunities), {} ({} opportunities)",
        taken.get(0).period(),
        taken.get(0).opportunities(),
        taken.get(1).period(),
        taken.get(1).opportunities());
    return taken;
  }
}
