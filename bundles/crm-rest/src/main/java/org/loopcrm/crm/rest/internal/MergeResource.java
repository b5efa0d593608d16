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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeService;
import org.loopcrm.crm.rest.internal.MergeDtos.MergeBody;
import org.loopcrm.crm.rest.internal.MergeDtos.MergeList;
import org.loopcrm.crm.rest.internal.MergeDtos.MergeView;

/** Merging duplicate accounts or contacts, and undoing merges. */
@Path("/merges")
@Produces(MediaType.APPLICATION_JSON)
public final class MergeResource {
  private final MergeService merges;

  MergeResource(MergeService merges) {
    this.merges = merges;
  }

  /** Merges the losers into the survivor; the versions in the body play the part of If-Match. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response merge(@Context SecurityContext sc, @Context UriInfo uri, MergeBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    Merge m = merges.merge(Actors.of(sc), body.toRequest());
    URI location = uri.getAbsolutePathBuilder().path(m.id().toString()).build();
    return Response.created(location).entity(MergeView.of(m)).build();
  }

  /** The merges a party took part in, newest first. */
  @GET
  public MergeList list(@Context SecurityContext sc, @QueryParam("partyId") String partyId) {
    if (partyId == null || partyId.isBlank()) {
      throw new ValidationException(List.of(new FieldError("partyId", "is required")));
    }
    return new MergeList(
        merges.ofParty(Actors.of(sc), Ids.parse("party", partyId)).stream()
            .map(MergeView::of)
            .toList());
  }

  /** One merge. */
  @GET
  @Path("{id}")
  public MergeView get(@Context SecurityContext sc, @PathParam("id") String id) {
    return MergeView.of(merges.get(Actors.of(sc), Ids.parse("merge", id)));
  }

  /** Undoes a merge. */
  @POST
  @Path("{id}/undo")
  public MergeView undo(@Context SecurityContext sc, @PathParam("id") String id) {
    return MergeView.of(merges.undo(Actors.of(sc), Ids.parse("merge", id)));
  }
}
