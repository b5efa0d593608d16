package org.loopcrm.crm.rest.internal;

import java.util.List;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.rest.internal.RelationshipDtos.HierarchyView;
import org.loopcrm.crm.rest.internal.RelationshipDtos.ParentBody;
import org.loopcrm.crm.rest.internal.RelationshipDtos.RollUpView;

/** {@code /accounts/{id}/hierarchy}: an account's parent, ancestors, descendants and roll-up. */
@Path("/accounts/{id}/hierarchy")
@Produces(MediaType.APPLICATION_JSON)
public final class HierarchyResource {
  private final RelationshipService relationships;

  HierarchyResource(RelationshipService relationships) {
    this.relationships = relationships;
  }

  /** Ancestors (nearest first) and descendants (depth first) down to {@code depth} levels. */
  @GET
  public HierarchyView get(
      @Context SecurityContext sc, @PathParam("id") String id, @QueryParam("depth") String depth) {
    return HierarchyView.of(
        relationships.hierarchy(
            Actors.of(sc), Ids.parse("account", id), Params.integer("depth", depth, 3)));
  }

  /** Makes another account the parent. */
  @PUT
  @Path("parent")
  @Consumes(MediaType.APPLICATION_JSON)
  public HierarchyView setParent(
      @Context SecurityContext sc, @PathParam("id") String id, ParentBody body) {
    UUID account = Ids.parse("account", id);
    if (body == null || body.parentId() == null || body.parentId().isBlank()) {
      throw new ValidationException(List.of(new FieldError("parentId", "is required")));
    }
    UUID parent;
    try {
      parent = UUID.fromString(body.parentId().strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new FieldError("parentId", "is not an account id")));
    }
    return HierarchyView.of(relationships.setParent(Actors.of(sc), account, parent));
  }

  /** Ends the parent relationship: the account becomes a root. */
  @DELETE
  @Path("parent")
  public HierarchyView clearParent(@Context SecurityContext sc, @PathParam("id") String id) {
    return HierarchyView.of(relationships.clearParent(Actors.of(sc), Ids.parse("account", id)));
  }

  /** Totals over the account and its visible descendants. */
  @GET
  @Path("rollup")
  public RollUpView rollUp(@Context SecurityContext sc, @PathParam("id") String id) {
    return RollUpView.of(relationships.rollUp(Actors.of(sc), Ids.parse("account", id)));
  }
}
