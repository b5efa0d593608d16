package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelService;
import org.loopcrm.crm.rest.internal.CtoDtos.ConfigureBody;
import org.loopcrm.crm.rest.internal.CtoDtos.ModelBody;
import org.loopcrm.crm.rest.internal.CtoDtos.ModelPage;
import org.loopcrm.crm.rest.internal.CtoDtos.ModelView;
import org.loopcrm.crm.rest.internal.CtoDtos.PropagationView;

/** {@code /product-models}: configure-to-order models, their revisions, and the configurator. */
@Path("/product-models")
@Produces(MediaType.APPLICATION_JSON)
public final class ProductModelResource {
  private final ProductModelService models;
  private final ConfiguratorService configurator;

  ProductModelResource(ProductModelService models, ConfiguratorService configurator) {
    this.models = models;
    this.configurator = configurator;
  }

  /** Creates revision 1 of a model, as a draft. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, ModelBody body) {
    ProductModel m = models.create(Actors.of(sc), definition(body));
    URI location = uri.getAbsolutePathBuilder().path(m.code()).build();
    return Response.created(location).tag(Etags.of(m.version())).entity(ModelView.of(m)).build();
  }

  /** The latest revision of each model, by code, a page at a time. */
  @GET
  public Response list(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    var page = models.list(Actors.of(sc), Params.integer("limit", limit, 50), cursor);
    Response.ResponseBuilder r = Response.ok(ModelPage.of(page));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** The latest revision of a model, or the one {@code revision} names. */
  @GET
  @Path("{code}")
  public Response get(
      @Context SecurityContext sc,
      @PathParam("code") String code,
      @QueryParam("revision") String revision) {
    ProductModel m =
        revision == null
            ? models.get(Actors.of(sc), code)
            : models.get(Actors.of(sc), code, Params.integer("revision", revision, 1));
    return Response.ok(ModelView.of(m)).tag(Etags.of(m.version())).build();
  }

  /** Every revision of a model, oldest first. */
  @GET
  @Path("{code}/revisions")
  public List<ModelView> revisions(@Context SecurityContext sc, @PathParam("code") String code) {
    return models.revisions(Actors.of(sc), code).stream().map(ModelView::of).toList();
  }

  /** Starts a new draft revision from the latest (released or retired) one. */
  @POST
  @Path("{code}/revisions")
  public Response revise(
      @Context SecurityContext sc, @Context UriInfo uri, @PathParam("code") String code) {
    ProductModel m = models.revise(Actors.of(sc), code);
    URI location =
        uri.getBaseUriBuilder()
            .path("product-models")
            .path(code)
            .queryParam("revision", m.revision())
            .build();
    return Response.created(location).tag(Etags.of(m.version())).entity(ModelView.of(m)).build();
  }

  /** Replaces the definition of the latest revision, a draft; needs If-Match. */
  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("code") String code,
      ModelBody body) {
    long version = Etags.requiredVersion(headers);
    ProductModel m = models.update(Actors.of(sc), code, version, definition(body));
    return Response.ok(ModelView.of(m)).tag(Etags.of(m.version())).build();
  }

  /** Deletes a model never released; needs If-Match. */
  @DELETE
  @Path("{code}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("code") String code) {
    models.delete(Actors.of(sc), code, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  /** Releases the latest revision (a draft); If-Match is checked when sent. */
  @POST
  @Path("{code}/release")
  public Response release(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("code") String code) {
    ProductModel m = models.release(Actors.of(sc), code, optionalVersion(headers));
    return Response.ok(ModelView.of(m)).tag(Etags.of(m.version())).build();
  }

  /** Retires the latest revision (released); If-Match is checked when sent. */
  @POST
  @Path("{code}/retire")
  public Response retire(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("code") String code) {
    ProductModel m = models.retire(Actors.of(sc), code, optionalVersion(headers));
    return Response.ok(ModelView.of(m)).tag(Etags.of(m.version())).build();
  }

  /**
   * Validates a partial configuration and answers, for each open attribute, the values still
   * possible; a contradiction answers 200 with {@code valid=false} and the constraints it breaks.
   */
  @POST
  @Path("{code}/configure")
  @Consumes(MediaType.APPLICATION_JSON)
  public PropagationView configure(
      @Context SecurityContext sc, @PathParam("code") String code, ConfigureBody body) {
    Map<String, String> selections =
        body == null || body.selections() == null ? Map.of() : body.selections();
    return PropagationView.of(configurator.configure(Actors.of(sc), code, selections));
  }

  private static long optionalVersion(HttpHeaders headers) {
    String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
    return value == null || value.isBlank() ? -1 : Etags.requiredVersion(headers);
  }

  private static org.loopcrm.crm.api.cto.ProductModelDefinition definition(ModelBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body.toDefinition();
  }
}
