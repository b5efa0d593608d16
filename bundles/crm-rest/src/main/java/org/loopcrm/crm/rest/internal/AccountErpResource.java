package org.loopcrm.crm.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.erp.ErpAccountService;
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

  AccountErpResource(ErpAccountService erp, ErpLiveService live) {
    this.erp = erp;
    this.live = live;
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
