package org.loopcrm.crm.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.sales.ForecastQuery;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.rest.internal.ForecastDtos.AccuracyList;
import org.loopcrm.crm.rest.internal.ForecastDtos.AccuracyView;
import org.loopcrm.crm.rest.internal.ForecastDtos.ForecastView;
import org.loopcrm.crm.rest.internal.ForecastDtos.SnapshotBody;
import org.loopcrm.crm.rest.internal.ForecastDtos.SnapshotList;
import org.loopcrm.crm.rest.internal.ForecastDtos.SnapshotView;

/**
 * {@code /forecast}: the forecast of a period over the opportunities the caller sees, snapshots of
 * a period and the accuracy measured on them.
 */
@Path("/forecast")
@Produces(MediaType.APPLICATION_JSON)
public final class ForecastResource {
  private final ForecastService forecasts;

  ForecastResource(ForecastService forecasts) {
    this.forecasts = forecasts;
  }

  /** The forecast of a period, grouped by owner, team, product or category. */
  @GET
  public ForecastView forecast(
      @Context SecurityContext sc,
      @QueryParam("period") String period,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("pipeline") String pipeline,
      @QueryParam("owner") String owner,
      @QueryParam("team") String team) {
    return ForecastView.of(
        forecasts.forecast(
            Actors.of(sc),
            new ForecastQuery(
                period,
                ForecastDtos.grouping(groupBy),
                pipeline,
                owner,
                team == null || team.isBlank() ? null : Params.uuid("team", team))));
  }

  /** Takes a snapshot of a period: 201 with the snapshot. */
  @POST
  @Path("snapshots")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response snapshot(@Context SecurityContext sc, SnapshotBody body) {
    return Response.status(Response.Status.CREATED)
        .entity(
            SnapshotView.of(forecasts.snapshot(Actors.of(sc), body == null ? null : body.period())))
        .build();
  }

  /** The snapshots of a period (or of all), newest first. */
  @GET
  @Path("snapshots")
  public SnapshotList snapshots(@Context SecurityContext sc, @QueryParam("period") String period) {
    return new SnapshotList(
        forecasts.snapshots(Actors.of(sc), period).stream().map(SnapshotView::of).toList());
  }

  /** Each snapshot of the period against what is won in it now. */
  @GET
  @Path("accuracy")
  public AccuracyList accuracy(@Context SecurityContext sc, @QueryParam("period") String period) {
    return new AccuracyList(
        period == null ? null : period.strip(),
        forecasts.accuracy(Actors.of(sc), period).stream().map(AccuracyView::of).toList());
  }
}
