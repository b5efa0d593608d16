package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.ExplainBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.RuleBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.RuleList;
import org.loopcrm.crm.rest.internal.AssignmentDtos.RuleView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.SweepView;

/** {@code /assignment-rules}: the ordered rules that choose owners, a dry run and the sweep. */
@Path("/assignment-rules")
@Produces(MediaType.APPLICATION_JSON)
public final class AssignmentRuleResource {
  private static final String KIND = "assignment rule";
  private final AssignmentService assignment;

  AssignmentRuleResource(AssignmentService assignment) {
    this.assignment = assignment;
  }

  /** The rules, of one kind or all, in the order they are tried. */
  @GET
  public RuleList list(@Context SecurityContext sc, @QueryParam("kind") String kind) {
    RecordKind k = null;
    if (kind != null && !kind.isBlank()) {
      List<FieldError> errors = new ArrayList<>();
      k = AssignmentDtos.parse(RecordKind.class, "kind", kind, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
    }
    return new RuleList(assignment.rules(Actors.of(sc), k).stream().map(RuleView::of).toList());
  }

  /** Creates a rule. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, RuleBody body) {
    AssignmentRule r = assignment.createRule(Actors.of(sc), required(body).toDraft());
    URI location = uri.getAbsolutePathBuilder().path(r.id().toString()).build();
    return Response.created(location).tag(Etags.of(r.version())).entity(RuleView.of(r)).build();
  }

  /** One rule. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    AssignmentRule r = assignment.rule(Actors.of(sc), Ids.parse(KIND, id));
    return Response.ok(RuleView.of(r)).tag(Etags.of(r.version())).build();
  }

  /** Replaces a rule; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      RuleBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    AssignmentRule r =
        assignment.updateRule(Actors.of(sc), uuid, version, required(body).toDraft());
    return Response.ok(RuleView.of(r)).tag(Etags.of(r.version())).build();
  }

  /** Deletes a rule; needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(KIND, id);
    assignment.deleteRule(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  /** What the rules would do with a record of these attributes now; nothing is stored. */
  @POST
  @Path("test")
  @Consumes(MediaType.APPLICATION_JSON)
  public AssignmentView test(@Context SecurityContext sc, ExplainBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("kind", "is required")));
    }
    return AssignmentView.of(
        assignment.explain(Actors.of(sc), body.recordKind(), body.attributes()));
  }

  /** Re-assigns the open records of absent owners and overdue first responses (crm-admin). */
  @POST
  @Path("sweep")
  public SweepView sweep(@Context SecurityContext sc) {
    return SweepView.of(assignment.sweep(Actors.of(sc)));
  }

  private static RuleBody required(RuleBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body;
  }
}
