package org.loopcrm.crm.rest.internal;

import java.net.URI;
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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lead.ScoringRule;
import org.loopcrm.crm.rest.internal.LeadDtos.RescoreView;
import org.loopcrm.crm.rest.internal.LeadDtos.ScoringRuleBody;
import org.loopcrm.crm.rest.internal.LeadDtos.ScoringRuleList;

/** {@code /lead-scoring-rules}: field and activity points, with decay. */
@Path("/lead-scoring-rules")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadScoringRuleResource {
  private static final String KIND = "scoring rule";
  private final LeadService leads;

  LeadScoringRuleResource(LeadService leads) {
    this.leads = leads;
  }

  /** All rules, by name. */
  @GET
  public ScoringRuleList list(@Context SecurityContext sc) {
    return new ScoringRuleList(
        leads.scoringRules(Actors.of(sc)).stream().map(ScoringRuleBody::of).toList());
  }

  /** Creates a rule. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, ScoringRuleBody body) {
    ScoringRule r = leads.createScoringRule(Actors.of(sc), required(body).toRule());
    URI location = uri.getAbsolutePathBuilder().path(r.id().toString()).build();
    return Response.created(location)
        .tag(Etags.of(r.version()))
        .entity(ScoringRuleBody.of(r))
        .build();
  }

  /** Replaces a rule; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      ScoringRuleBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    ScoringRule r = leads.updateScoringRule(Actors.of(sc), uuid, version, required(body).toRule());
    return Response.ok(ScoringRuleBody.of(r)).tag(Etags.of(r.version())).build();
  }

  /** Deletes a rule; needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(KIND, id);
    leads.deleteScoringRule(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  /** Scores every open lead again now (decay); the scheduled route does this too. */
  @POST
  @Path("rescore")
  public RescoreView rescore(@Context SecurityContext sc) {
    return new RescoreView(leads.rescoreAll(Actors.of(sc)));
  }

  private static ScoringRuleBody required(ScoringRuleBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body;
  }
}
