package org.loopcrm.crm.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismBody;
import org.loopcrm.crm.rest.internal.PartyDtos.MechanismList;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentBody;

/**
 * {@code /accounts/{id}/contacts/{contactId}/mechanisms}: a contact's contact mechanisms, with
 * consent per mechanism. The contact must belong to the account (404 otherwise).
 */
@Path("/accounts/{id}/contacts/{contactId}/mechanisms")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactMechanismResource {
  private final PartyDetails details;

  ContactMechanismResource(PartyService parties) {
    this.details = new PartyDetails(parties);
  }

  /** The mechanisms, by kind, primary first. */
  @GET
  public MechanismList list(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    return details.mechanisms(sc, PartyDetails.key(id, contactId));
  }

  /** Adds a mechanism. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      MechanismBody body) {
    return details.addMechanism(sc, PartyDetails.key(id, contactId), body);
  }

  /** Reads a mechanism with its current consents. */
  @GET
  @Path("{mechanismId}")
  public Response get(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("mechanismId") String mechanismId) {
    return details.mechanism(sc, PartyDetails.key(id, contactId), mechanismId);
  }

  /** Replaces a mechanism; needs If-Match. */
  @PUT
  @Path("{mechanismId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("mechanismId") String mechanismId,
      MechanismBody body) {
    return details.updateMechanism(sc, headers, PartyDetails.key(id, contactId), mechanismId, body);
  }

  /** Removes a mechanism; needs If-Match. */
  @DELETE
  @Path("{mechanismId}")
  public Response remove(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("mechanismId") String mechanismId) {
    return details.removeMechanism(sc, headers, PartyDetails.key(id, contactId), mechanismId);
  }

  /** Records a consent decision for the mechanism in the consent register. */
  @POST
  @Path("{mechanismId}/consents")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response consent(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @PathParam("mechanismId") String mechanismId,
      ConsentBody body) {
    return details.recordConsent(sc, PartyDetails.key(id, contactId), mechanismId, body);
  }
}
