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

/** {@code /accounts/{id}/mechanisms}: an account's contact mechanisms. */
@Path("/accounts/{id}/mechanisms")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountMechanismResource {
  private final PartyDetails details;

  AccountMechanismResource(PartyService parties) {
    this.details = new PartyDetails(parties);
  }

  /** The mechanisms, by kind, primary first. */
  @GET
  public MechanismList list(@Context SecurityContext sc, @PathParam("id") String id) {
    return details.mechanisms(sc, PartyDetails.key(id, null));
  }

  /** Adds a mechanism. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@Context SecurityContext sc, @PathParam("id") String id, MechanismBody body) {
    return details.addMechanism(sc, PartyDetails.key(id, null), body);
  }

  /** Reads a mechanism with its current consents. */
  @GET
  @Path("{mechanismId}")
  public Response get(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("mechanismId") String mechanismId) {
    return details.mechanism(sc, PartyDetails.key(id, null), mechanismId);
  }

  /** Replaces a mechanism; needs If-Match. */
  @PUT
  @Path("{mechanismId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("mechanismId") String mechanismId,
      MechanismBody body) {
    return details.updateMechanism(sc, headers, PartyDetails.key(id, null), mechanismId, body);
  }

  /** Removes a mechanism; needs If-Match. */
  @DELETE
  @Path("{mechanismId}")
  public Response remove(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("mechanismId") String mechanismId) {
    return details.removeMechanism(sc, headers, PartyDetails.key(id, null), mechanismId);
  }
}
