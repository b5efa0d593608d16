package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.rest.internal.ErpDtos.CreditView;
import org.loopcrm.crm.rest.internal.ErpDtos.DocumentPage;
import org.loopcrm.crm.rest.internal.ErpDtos.SnapshotView;

/** {@code /accounts/{id}/erp}: what the ERP knows of an account, and the documents it follows. */
@Path("/accounts/{id}/erp")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountErpResource {
  private final ErpAccountService erp;

  private final ErpLiveService live;

  private final ErpCommandService commands;

  AccountErpResource(ErpAccountService erp, ErpLiveService live, ErpCommandService commands) {
    this.erp = erp;
    this.live = live;
    this.commands = commands;
  }

  /**
   * Asks the ERP for a sale, production or project for the account, through the outbox: 202 with
   * the command, which the connector carries out (see {@code /erp/commands/{id}}). Asking again
   * with the same {@code key} returns the first command.
   */
  @POST
  @Path("commands")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response command(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      ErpCommandDtos.CommandBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    ErpCommand c =
        commands.request(
            Actors.of(sc),
            Ids.parse("account", id),
            body.key(),
            body.erpSystem(),
            body.toRequest());
    URI location =
        uri.getBaseUriBuilder().path("erp").path("commands").path(c.id().toString()).build();
    return Response.accepted(ErpCommandDtos.CommandView.of(c))
        .header(HttpHeaders.LOCATION, location)
        .build();
  }

  /** The account's commands to the ERP, newest first. */
  @GET
  @Path("commands")
  public ErpCommandDtos.CommandPage commands(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return ErpCommandDtos.CommandPage.of(
        commands.commands(
            Actors.of(sc), Ids.parse("account", id), Params.integer("limit", limit, 50), cursor));
  }

  /**
   * The account's credit standing asked live of the ERP, and whether {@code amount} more fits its
   * credit limit (roles that see finance facts).
   */
  @GET
  @Path("credit")
  public CreditView credit(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @QueryParam("amount") String amount,
      @QueryParam("system") String system) {
    return CreditView.of(
        live.creditCheck(
            Actors.of(sc), system, Ids.parse("account", id), Params.decimal("amount", amount)));
  }

  /** The account's finance snapshot (roles that see finance facts). */
  @GET
  public SnapshotView snapshot(@Context SecurityContext sc, @PathParam("id") String id) {
    return SnapshotView.of(erp.snapshot(Actors.of(sc), Ids.parse("account", id)));
  }

  /** The account's ERP documents, most recently changed first. */
  @GET
  @Path("documents")
  public DocumentPage documents(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @QueryParam("kind") String kind,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return DocumentPage.of(
        erp.documents(
            Actors.of(sc),
            Ids.parse("account", id),
            ErpDtos.kind(kind),
            Params.integer("limit", limit, 50),
            cursor));
  }
}
