package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.loopcrm.crm.api.relationship.Relationship;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.api.relationship.RelationshipType;
import org.loopcrm.crm.rest.internal.RelationshipDtos.RelationshipBody;
import org.loopcrm.crm.rest.internal.RelationshipDtos.RelationshipList;
import org.loopcrm.crm.rest.internal.RelationshipDtos.RelationshipView;

/** {@code /accounts/{id}/relationships}: parents, partners and contacts, with their history. */
@Path("/accounts/{id}/relationships")
@Produces(MediaType.APPLICATION_JSON)
public final class RelationshipResource {
  private final RelationshipService relationships;

  RelationshipResource(RelationshipService relationships) {
    this.relationships = relationships;
  }

  /** The account's relationships; ended ones too with {@code ?all=true}. */
  @GET
  public RelationshipList list(
      @Context SecurityContext sc, @PathParam("id") String id, @QueryParam("all") String all) {
    boolean includeEnded = Params.bool("all", all);
    return new RelationshipList(
        relationships.relationships(Actors.of(sc), Ids.parse("account", id), includeEnded).stream()
            .map(RelationshipView::of)
            .toList());
  }

  /** Relates the account to another (PARTNER_OF). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response relate(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      RelationshipBody body) {
    UUID account = Ids.parse("account", id);
    RelationshipBody b = body == null ? new RelationshipBody(null, null, null) : body;
    RelationshipType type = parseType(b.type());
    UUID other = parseId(b.toAccountId());
    Relationship r = relationships.relate(Actors.of(sc), account, type, other, b.title());
    URI location = uri.getAbsolutePathBuilder().path(r.id().toString()).build();
    return Response.created(location).entity(RelationshipView.of(r)).build();
  }

  /** Ends a relationship; it stays in the history. */
  @DELETE
  @Path("{relationshipId}")
  public RelationshipView end(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("relationshipId") String relationshipId) {
    return RelationshipView.of(
        relationships.end(
            Actors.of(sc), Ids.parse("account", id), Ids.parse("relationship", relationshipId)));
  }

  private static RelationshipType parseType(String type) {
    if (type != null) {
      try {
        return RelationshipType.valueOf(type.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new ValidationException(List.of(new FieldError("type", "must be PARTNER_OF")));
  }

  private static UUID parseId(String id) {
    if (id != null) {
      try {
        return UUID.fromString(id.strip());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new ValidationException(List.of(new FieldError("toAccountId", "must be an account id")));
  }
}
