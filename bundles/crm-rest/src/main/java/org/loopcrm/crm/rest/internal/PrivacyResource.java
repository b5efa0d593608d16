package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ErasureBody;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ErasurePage;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ErasureView;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ExportView;

/**
 * {@code /privacy}: the data-subject export and erasure requests (crm-admin; the service refuses
 * everyone else). A data subject is a person, named by the contact's id.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
public final class PrivacyResource {
  private static final int DEFAULT_LIMIT = 50;
  private static final String SUBJECT = "data subject";
  private final PrivacyService privacy;

  PrivacyResource(PrivacyService privacy) {
    this.privacy = privacy;
  }

  /** Everything held on a data subject, as one JSON document. */
  @GET
  @Path("subjects/{id}/export")
  public Response export(@Context SecurityContext sc, @PathParam("id") String id) {
    ExportView v = ExportView.of(privacy.export(Actors.of(sc), Ids.parse(SUBJECT, id)));
    return Response.ok(v)
        .header("Content-Disposition", "attachment; filename=\"subject-" + id + ".json\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * Requests an erasure: 201 when it is completed, 409 problem+json listing the legal holds when it
   * is refused; both are kept and Location names the request.
   */
  @POST
  @Path("erasures")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response requestErasure(
      @Context SecurityContext sc, @Context UriInfo uri, ErasureBody body) {
    if (body == null || body.subjectId() == null || body.subjectId().isBlank()) {
      throw new ValidationException(List.of(new FieldError("subjectId", "is required")));
    }
    ErasureRequest r =
        privacy.requestErasure(Actors.of(sc), Ids.parse(SUBJECT, body.subjectId().strip()));
    URI location = uri.getAbsolutePathBuilder().path(r.id().toString()).build();
    ErasureView view = ErasureView.of(r);
    if (r.status() == ErasureStatus.COMPLETED) {
      return Response.created(location).entity(view).build();
    }
    Map<String, Object> problem =
        Problems.body(
            409,
            "erasure-refused",
            "Erasure refused",
            "the data must be kept: "
                + String.join("; ", r.holds().stream().map(h -> h.reason()).toList()),
            null);
    problem.put("reasons", r.holds().stream().map(h -> h.reason()).toList());
    problem.put("erasureRequest", view);
    return Response.status(409)
        .type(Problems.PROBLEM_JSON)
        .location(location)
        .entity(problem)
        .build();
  }

  /** Erasure requests, newest first, a page at a time. */
  @GET
  @Path("erasures")
  public Response list(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<ErasureRequest> page =
        privacy.erasureRequests(
            Actors.of(sc), Params.integer("limit", limit, DEFAULT_LIMIT), cursor);
    Response.ResponseBuilder r =
        Response.ok(
            new ErasurePage(
                page.items().stream().map(ErasureView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** One erasure request with its outcome. */
  @GET
  @Path("erasures/{id}")
  public ErasureView get(@Context SecurityContext sc, @PathParam("id") String id) {
    return ErasureView.of(privacy.erasureRequest(Actors.of(sc), Ids.parse("erasure request", id)));
  }
}
