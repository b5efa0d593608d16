package org.loopcrm.crm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.eto.Attachment;
import org.loopcrm.crm.api.eto.AttachmentContent;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.rest.internal.EngineeringDtos.AttachmentList;
import org.loopcrm.crm.rest.internal.EngineeringDtos.AttachmentView;
import org.loopcrm.crm.rest.internal.EngineeringDtos.BomBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.EngineeringRequestView;
import org.loopcrm.crm.rest.internal.EngineeringDtos.EstimateBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.FeasibilityBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.SpecificationBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.TasksBody;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteView;

/**
 * {@code /engineering-requests}: the engineering request of an engineer-to-order opportunity, its
 * attachments (raw bodies up to {@link EngineeringService#MAX_ATTACHMENT_BYTES}), feasibility,
 * estimate, tasks, BOM revisions and the quote made from the estimate. Every change of the request
 * names the version read (If-Match).
 */
@Path("/engineering-requests")
@Produces(MediaType.APPLICATION_JSON)
public final class EngineeringResource {
  /** The uploads that may be larger than other bodies. */
  static final Pattern ATTACHMENT_UPLOAD =
      Pattern.compile("/?engineering-requests/[^/]+/attachments/?");

  private final SalesServices sales;

  EngineeringResource(SalesServices sales) {
    this.sales = sales;
  }

  private EngineeringService service() {
    return sales.engineering();
  }

  /** The request of an opportunity: {@code ?opportunityId=}. */
  @GET
  public Response ofOpportunity(
      @Context SecurityContext sc, @QueryParam("opportunityId") String opportunityId) {
    if (opportunityId == null || opportunityId.isBlank()) {
      throw Params.invalid("opportunityId", "is required");
    }
    return answer(
        service().ofOpportunity(Actors.of(sc), Params.uuid("opportunityId", opportunityId)));
  }

  /** One request, with its ETag. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    return answer(service().get(Actors.of(sc), parse(id)));
  }

  /** Replaces what is to be engineered (If-Match). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response specify(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      SpecificationBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        service().specify(Actors.of(sc), parse(id), version, body == null ? null : body.toDraft()));
  }

  /** Attaches the raw body as a file named by {@code ?filename=}: 201. */
  @POST
  @Path("{id}/attachments")
  @Consumes(MediaType.WILDCARD)
  public Response attach(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @QueryParam("filename") String filename,
      InputStream body) {
    UUID requestId = parse(id);
    MediaType type = headers.getMediaType();
    byte[] content;
    try {
      content = body == null ? new byte[0] : body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Attachment a =
        service()
            .attach(
                Actors.of(sc), requestId, filename, type == null ? null : type.toString(), content);
    URI location = uri.getAbsolutePathBuilder().path(a.id().toString()).build();
    return Response.created(location).entity(AttachmentView.of(a)).build();
  }

  /** The attachments, oldest first. */
  @GET
  @Path("{id}/attachments")
  public AttachmentList attachments(@Context SecurityContext sc, @PathParam("id") String id) {
    return new AttachmentList(
        service().attachments(Actors.of(sc), parse(id)).stream().map(AttachmentView::of).toList());
  }

  /** An attachment's bytes, with its content type and SHA-256. */
  @GET
  @Path("{id}/attachments/{attachmentId}")
  @Produces(MediaType.WILDCARD)
  public Response content(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("attachmentId") String attachmentId) {
    AttachmentContent c =
        service().attachment(Actors.of(sc), parse(id), Ids.parse("attachment", attachmentId));
    return Response.ok(c.bytes(), c.attachment().contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + c.attachment().name().replace("\"", "") + "\"")
        .header("X-Content-SHA256", c.attachment().sha256())
        .build();
  }

  /** Removes an attachment: 204. */
  @DELETE
  @Path("{id}/attachments/{attachmentId}")
  public Response detach(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("attachmentId") String attachmentId) {
    service().detach(Actors.of(sc), parse(id), Ids.parse("attachment", attachmentId));
    return Response.noContent().build();
  }

  /** Engineering's feasibility decision (If-Match; crm-admin, crm-manager). */
  @PUT
  @Path("{id}/feasibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response feasibility(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      FeasibilityBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        service()
            .decideFeasibility(
                Actors.of(sc),
                parse(id),
                version,
                body == null ? null : body.toVerdict(),
                body == null ? null : body.note()));
  }

  /** Replaces the estimate (If-Match). */
  @PUT
  @Path("{id}/estimate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response estimate(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      EstimateBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        service()
            .estimate(Actors.of(sc), parse(id), version, body == null ? null : body.toDraft()));
  }

  /** Replaces the engineering tasks (If-Match). */
  @PUT
  @Path("{id}/tasks")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response tasks(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      TasksBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        service()
            .planTasks(Actors.of(sc), parse(id), version, body == null ? null : body.toTasks()));
  }

  /** Adds a DRAFT BOM revision (If-Match). */
  @POST
  @Path("{id}/boms")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addBom(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      BomBody body) {
    long version = Etags.requiredVersion(headers);
    return answer(
        service().addBom(Actors.of(sc), parse(id), version, body == null ? null : body.toLines()));
  }

  /** Releases a DRAFT BOM revision (If-Match; crm-admin, crm-manager). */
  @POST
  @Path("{id}/boms/{revision}/release")
  public Response release(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("revision") String revision) {
    long version = Etags.requiredVersion(headers);
    int rev = Params.integer("revision", revision, 0);
    return answer(service().releaseBom(Actors.of(sc), parse(id), version, rev));
  }

  /** Quotes the estimate (If-Match): 201 with the quote. */
  @POST
  @Path("{id}/quote")
  public Response quote(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @PathParam("id") String id) {
    long version = Etags.requiredVersion(headers);
    Actor actor = Actors.of(sc);
    Quote q = service().quote(actor, parse(id), version);
    URI location = uri.getBaseUriBuilder().path("quotes").path(q.id().toString()).build();
    return Response.created(location).tag(Etags.of(q.version())).entity(QuoteView.of(q)).build();
  }

  private static Response answer(EngineeringRequest r) {
    return Response.ok(EngineeringRequestView.of(r)).tag(Etags.of(r.version())).build();
  }

  private static UUID parse(String id) {
    return Ids.parse("engineering request", id);
  }
}
