package org.loopcrm.crm.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.party.PartyFilter;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.RoleType;
import org.loopcrm.crm.rest.internal.Dtos.AccountPage;
import org.loopcrm.crm.rest.internal.Dtos.AccountView;
import org.loopcrm.crm.rest.internal.PartyDtos.RefView;

/** {@code /parties}: finding parties by their details (an ERP's id, a role, a tag). */
@Path("/parties")
@Produces(MediaType.APPLICATION_JSON)
public final class PartyResource {
  private static final int DEFAULT_LIMIT = 50;
  private final PartyService parties;

  PartyResource(PartyService parties) {
    this.parties = parties;
  }

  /** The external reference with this system and id, naming its party and account. */
  @GET
  @Path("by-ref")
  public RefView byRef(
      @Context SecurityContext sc,
      @QueryParam("system") String system,
      @QueryParam("id") String externalId) {
    return RefView.of(parties.findByExternalRef(Actors.of(sc), system, externalId));
  }

  /** Accounts in a role (on a day) and/or with a tag, by name, a page at a time. */
  @GET
  @Path("accounts")
  public Response accounts(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("role") String role,
      @QueryParam("tag") String tag,
      @QueryParam("on") String on,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    RoleType type = null;
    if (role != null && !role.isBlank()) {
      try {
        type = RoleType.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Params.invalid(
            "role", "must be one of customer, prospect, partner, competitor, supplier");
      }
    }
    Page<Account> page =
        parties.accounts(
            Actors.of(sc),
            new PartyFilter(
                type,
                tag,
                Params.date("on", on),
                Params.integer("limit", limit, DEFAULT_LIMIT),
                cursor));
    Response.ResponseBuilder r =
        Response.ok(
            new AccountPage(
                page.items().stream().map(AccountView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }
}
