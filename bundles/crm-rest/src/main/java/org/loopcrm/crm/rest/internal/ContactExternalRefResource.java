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
import org.loopcrm.crm.rest.internal.PartyDtos.RefBody;
import org.loopcrm.crm.rest.internal.PartyDtos.RefList;

/**
 * {@code /accounts/{id}/contacts/{contactId}/external-refs}: references to the party in other
 * systems (ERP ids), unique across the CRM.
 */
@Path("/accounts/{id}/contacts/{contactId}/external-refs")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactExternalRefResource {
  private final PartyDetails details;

  ContactExternalRefResource(PartyService parties) {
    this.details = new PartyDetails(parties);
  }

  /** Lists them. */
  @GET
  public RefList list(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    return details.refs(sc, PartyDetails.key(id, contactId));
  }

  /** Adds one. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      RefBody body) {
    return details.addRef(sc, PartyDetails.key(id, contactId), body);
  }

  /** Removes one. */
  @DELETE
  @Path("{refId}")
  public Response remove(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("refId") String refId) {
    return details.removeRef(sc, PartyDetails.key(id, contactId), refId);
  }
}
