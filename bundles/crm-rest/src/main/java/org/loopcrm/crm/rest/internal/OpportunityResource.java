package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityQuery;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.rest.internal.SalesDtos.LineBody;
import org.loopcrm.crm.rest.internal.SalesDtos.OpportunityBody;
import org.loopcrm.crm.rest.internal.SalesDtos.OpportunityPage;
import org.loopcrm.crm.rest.internal.SalesDtos.OpportunityView;
import org.loopcrm.crm.rest.internal.SalesDtos.StageChangeView;
import org.loopcrm.crm.rest.internal.SalesDtos.StageHistory;
import org.loopcrm.crm.rest.internal.SalesDtos.StageMoveBody;

/**
 * {@code /opportunities}: opportunities of the accounts the caller sees. Every change names the
 * version it read (If-Match) and answers with the new ETag.
 */
@Path("/opportunities")
@Produces(MediaType.APPLICATION_JSON)
public final class OpportunityResource {
  private final OpportunityService opportunities;

  OpportunityResource(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  /** Creates an opportunity: 201, Location, ETag. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, OpportunityBody body) {
    Opportunity o = opportunities.create(Actors.of(sc), body == null ? null : body.toDraft());
    URI location = uri.getAbsolutePathBuilder().path(o.id().toString()).build();
    return Response.created(location)
        .tag(Etags.of(o.version()))
        .entity(OpportunityView.of(o))
        .build();
  }

  /** Lists opportunities by close date, with filters and cursor paging. */
  @GET
  public OpportunityPage list(
      @Context SecurityContext sc,
      @QueryParam("accountId") String accountId,
      @QueryParam("owner") String owner,
      @QueryParam("pipeline") String pipeline,
      @QueryParam("stage") String stage,
      @QueryParam("status") String status,
      @QueryParam("closeFrom") String closeFrom,
      @QueryParam("closeTo") String closeTo,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    OpportunityQuery q =
        new OpportunityQuery(
            accountId == null ? null : Params.uuid("accountId", accountId),
            blankToNull(owner),
            blankToNull(pipeline),
            blankToNull(stage),
            status(status),
            Params.date("closeFrom", closeFrom),
            Params.date("closeTo", closeTo));
    return OpportunityPage.of(
        opportunities.list(Actors.of(sc), q, Params.integer("limit", limit, 50), cursor));
  }

  /** One opportunity. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    return answer(opportunities.get(Actors.of(sc), parse(id)));
  }

  /** Replaces the editable fields (If-Match). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      OpportunityBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        opportunities.update(
            Actors.of(sc), parse(id), version, body == null ? null : body.toDraft()));
  }

  /** Moves it to another open stage (If-Match). */
  @POST
  @Path("{id}/stage")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response move(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      StageMoveBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        opportunities.moveTo(
            Actors.of(sc), parse(id), version, body == null ? null : body.stage()));
  }

  /** Wins it (If-Match). */
  @POST
  @Path("{id}/win")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response win(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      StageMoveBody body) {
    long version = Etags.requiredVersion(headers);
    StageMoveBody b = body == null ? new StageMoveBody(null, null, null) : body;
    return answer(opportunities.win(Actors.of(sc), parse(id), version, b.stage(), b.reason()));
  }

  /** Loses it (If-Match); a reason is required. */
  @POST
  @Path("{id}/lose")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response lose(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      StageMoveBody body) {
    long version = Etags.requiredVersion(headers);
    StageMoveBody b = body == null ? new StageMoveBody(null, null, null) : body;
    return answer(
        opportunities.lose(Actors.of(sc), parse(id), version, b.stage(), b.reason(), b.lostTo()));
  }

  /** Reopens a won or lost one on an open stage (If-Match; managers and admins). */
  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reopen(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      StageMoveBody body) {
    long version = Etags.requiredVersion(headers);
    StageMoveBody b = body == null ? new StageMoveBody(null, null, null) : body;
    return answer(opportunities.reopen(Actors.of(sc), parse(id), version, b.stage(), b.reason()));
  }

  /** Adds a line (If-Match); without a unit price the ERP's list price is taken. */
  @POST
  @Path("{id}/lines")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addLine(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      LineBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        opportunities.addLine(
            Actors.of(sc), parse(id), version, body == null ? null : body.toDraft()));
  }

  /** Removes a line (If-Match). */
  @DELETE
  @Path("{id}/lines/{lineId}")
  public Response removeLine(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("lineId") String lineId) {
    long version = Etags.requiredVersion(headers);
    return answer(
        opportunities.removeLine(
            Actors.of(sc), parse(id), version, Ids.parse("opportunity line", lineId)));
  }

  /** The stage history, oldest first. */
  @GET
  @Path("{id}/history")
  public StageHistory history(@Context SecurityContext sc, @PathParam("id") String id) {
    return new StageHistory(
        opportunities.history(Actors.of(sc), parse(id)).stream().map(StageChangeView::of).toList());
  }

  /**
   * The closed loop: stages, quotes, ERP commands and the ERP documents they made, oldest first.
   */
  @GET
  @Path("{id}/timeline")
  public SalesDtos.OpportunityTimeline timeline(
      @Context SecurityContext sc, @PathParam("id") String id) {
    return new SalesDtos.OpportunityTimeline(
        opportunities.timeline(Actors.of(sc), parse(id)).stream()
            .map(SalesDtos.OpportunityEventView::of)
            .toList());
  }

  private static Response answer(Opportunity o) {
    return Response.ok(OpportunityView.of(o)).tag(Etags.of(o.version())).build();
  }

  private static UUID parse(String id) {
    return Ids.parse("opportunity", id);
  }

  private static StageKind status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return StageKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("status", "must be OPEN, WON or LOST");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
