package org.loopcrm.crm.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.rest.internal.PartyDtos.RoleBody;
import org.loopcrm.crm.rest.internal.PartyDtos.RoleList;

/**
 * {@code /accounts/{id}/contacts/{contactId}/roles}: roles (customer, prospect, partner,
 * competitor, supplier) with from/thru dates.
 */
@Path("/accounts/{id}/contacts/{contactId}/roles")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactRoleResource {
  private final PartyDetails details;

  ContactRoleResource(PartyService parties) {
    this.details = new PartyDetails(parties);
  }

  /** Lists them. */
  @GET
  public RoleList list(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    return details.roles(sc, PartyDetails.key(id, contactId));
  }

  /** Adds one. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      RoleBody body) {
    return details.addRole(sc, PartyDetails.key(id, contactId), body);
  }

  /** Removes one. */
  @DELETE
  @Path("{roleId}")
  public Response remove(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("roleId") String roleId) {
    return details.removeRole(sc, PartyDetails.key(id, contactId), roleId);
  }
}
