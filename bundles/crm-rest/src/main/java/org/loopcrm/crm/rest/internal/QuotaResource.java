package org.loopcrm.crm.rest.internal;

import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.Quota;
import org.loopcrm.crm.api.sales.QuotaDraft;
import org.loopcrm.crm.rest.internal.ForecastDtos.QuotaBody;
import org.loopcrm.crm.rest.internal.ForecastDtos.QuotaList;
import org.loopcrm.crm.rest.internal.ForecastDtos.QuotaView;

/**
 * {@code /quotas}: sales quotas of users ({@code /quotas/{user}/{period}}) and teams ({@code
 * /quotas/teams/{teamId}/{period}}). A PUT without If-Match creates a quota that does not exist;
 * changing or deleting one names the version read.
 */
@Path("/quotas")
@Produces(MediaType.APPLICATION_JSON)
public final class QuotaResource {
  private final ForecastService forecasts;

  QuotaResource(ForecastService forecasts) {
    this.forecasts = forecasts;
  }

  /** The quotas of a period (or of all). */
  @GET
  public QuotaList list(@Context SecurityContext sc, @QueryParam("period") String period) {
    return new QuotaList(
        forecasts.quotas(Actors.of(sc), period).stream().map(QuotaView::of).toList());
  }

  /** A user's quota for a period. */
  @GET
  @Path("{user}/{period}")
  public Response get(
      @Context SecurityContext sc,
      @PathParam("user") String user,
      @PathParam("period") String period) {
    return answer(forecasts.quota(Actors.of(sc), user, null, period), 200);
  }

  /** Sets a user's quota: 201 when created, 200 when changed (If-Match). */
  @PUT
  @Path("{user}/{period}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("user") String user,
      @PathParam("period") String period,
      QuotaBody body) {
    return set(Actors.of(sc), headers, user, null, period, body);
  }

  /** Deletes a user's quota (If-Match). */
  @DELETE
  @Path("{user}/{period}")
  public Response delete(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("user") String user,
      @PathParam("period") String period) {
    return remove(Actors.of(sc), headers, user, null, period);
  }

  /** A team's quota for a period. */
  @GET
  @Path("teams/{teamId}/{period}")
  public Response getTeam(
      @Context SecurityContext sc,
      @PathParam("teamId") String teamId,
      @PathParam("period") String period) {
    return answer(forecasts.quota(Actors.of(sc), null, team(teamId), period), 200);
  }

  /** Sets a team's quota: 201 when created, 200 when changed (If-Match). */
  @PUT
  @Path("teams/{teamId}/{period}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response putTeam(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("teamId") String teamId,
      @PathParam("period") String period,
      QuotaBody body) {
    return set(Actors.of(sc), headers, null, team(teamId), period, body);
  }

  /** Deletes a team's quota (If-Match). */
  @DELETE
  @Path("teams/{teamId}/{period}")
  public Response deleteTeam(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("teamId") String teamId,
      @PathParam("period") String period) {
    return remove(Actors.of(sc), headers, null, team(teamId), period);
  }

  private Response set(
      Actor actor, HttpHeaders headers, String user, UUID team, String period, QuotaBody body) {
    Long version = hasIfMatch(headers) ? Etags.requiredVersion(headers) : null;
    QuotaBody b = body == null ? new QuotaBody(null, null) : body;
    Quota q =
        forecasts.setQuota(
            actor, new QuotaDraft(user, team, period, b.amount(), b.currency()), version);
    return answer(q, version == null ? 201 : 200);
  }

  private Response remove(Actor actor, HttpHeaders headers, String user, UUID team, String period) {
    long version = Etags.requiredVersion(headers);
    Quota q = forecasts.quota(actor, user, team, period);
    forecasts.deleteQuota(actor, q.id(), version);
    return Response.noContent().build();
  }

  private static boolean hasIfMatch(HttpHeaders headers) {
    String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
    return value != null && !value.isBlank();
  }

  private static UUID team(String id) {
    return Ids.parse("team", id);
  }

  private static Response answer(Quota q, int status) {
    return Response.status(status).entity(QuotaView.of(q)).tag(Etags.of(q.version())).build();
  }
}
