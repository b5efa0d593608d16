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
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.rest.internal.PartyDtos.TagBody;
import org.loopcrm.crm.rest.internal.PartyDtos.TagList;

/** {@code /accounts/{id}/tags}: free labels, lower-cased, unique per account. */
@Path("/accounts/{id}/tags")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountTagResource {
  private final PartyService parties;

  AccountTagResource(PartyService parties) {
    this.parties = parties;
  }

  /** The tags, sorted. */
  @GET
  public TagList list(@Context SecurityContext sc, @PathParam("id") String id) {
    return new TagList(parties.tags(Actors.of(sc), PartyDetails.key(id, null)));
  }

  /** Adds a tag; adding one the account has already changes nothing. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public TagList add(@Context SecurityContext sc, @PathParam("id") String id, TagBody body) {
    return new TagList(
        parties.addTag(
            Actors.of(sc), PartyDetails.key(id, null), body == null ? null : body.tag()));
  }

  /** Removes a tag (in any case). */
  @DELETE
  @Path("{tag}")
  public TagList remove(
      @Context SecurityContext sc, @PathParam("id") String id, @PathParam("tag") String tag) {
    return new TagList(parties.removeTag(Actors.of(sc), PartyDetails.key(id, null), tag));
  }
}
