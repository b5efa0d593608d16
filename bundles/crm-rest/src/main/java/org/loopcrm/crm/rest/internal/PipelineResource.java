package org.loopcrm.crm.rest.internal;

import java.net.URI;
import javax.ws.rs.Consumes;
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
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineService;
import org.loopcrm.crm.rest.internal.SalesDtos.PipelineBody;
import org.loopcrm.crm.rest.internal.SalesDtos.PipelineList;
import org.loopcrm.crm.rest.internal.SalesDtos.PipelineView;

/** {@code /pipelines}: sales pipelines and their stages; everybody reads, admins change. */
@Path("/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public final class PipelineResource {
  private final PipelineService pipelines;

  PipelineResource(PipelineService pipelines) {
    this.pipelines = pipelines;
  }

  /** The pipelines, the default first. */
  @GET
  public PipelineList list(@Context SecurityContext sc) {
    return new PipelineList(
        pipelines.pipelines(Actors.of(sc)).stream().map(PipelineView::of).toList());
  }

  /** Defines a pipeline. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response define(@Context SecurityContext sc, @Context UriInfo uri, PipelineBody body) {
    Pipeline p = pipelines.define(Actors.of(sc), body == null ? null : body.toDraft());
    URI location = uri.getAbsolutePathBuilder().path(p.code()).build();
    return Response.created(location).tag(Etags.of(p.version())).entity(PipelineView.of(p)).build();
  }

  /** One pipeline. */
  @GET
  @Path("{code}")
  public Response get(@Context SecurityContext sc, @PathParam("code") String code) {
    Pipeline p = pipelines.pipeline(Actors.of(sc), code);
    return Response.ok(PipelineView.of(p)).tag(Etags.of(p.version())).build();
  }

  /** Replaces a pipeline (If-Match). */
  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("code") String code,
      PipelineBody body) {
    long version = Etags.requiredVersion(headers);
    Pipeline p =
        pipelines.update(Actors.of(sc), code, version, body == null ? null : body.toDraft());
    return Response.ok(PipelineView.of(p)).tag(Etags.of(p.version())).build();
  }
}
