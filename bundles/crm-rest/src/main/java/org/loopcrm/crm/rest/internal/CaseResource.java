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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseQuery;
import org.loopcrm.crm.api.servicecase.CaseService;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareBody;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareList;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareView;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseBody;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseEventView;
import org.loopcrm.crm.rest.internal.CaseDtos.CasePage;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseStatusBody;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseThread;
import org.loopcrm.crm.rest.internal.CaseDtos.CaseView;
import org.loopcrm.crm.rest.internal.CaseDtos.CommentBody;

/**
 * {@code /cases}: service cases the caller sees, their status changes, replies and notes, history
 * and shares. Every change of the case names the version it read (If-Match) and answers with the
 * new ETag.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public final class CaseResource {
  private static final String KIND = "case";
  private final CaseService cases;
  private final AuditService audit;
  private final ShareService shares;

  CaseResource(CaseService cases, AuditService audit, ShareService shares) {
    this.cases = cases;
    this.audit = audit;
    this.shares = shares;
  }

  /** Cases, newest first, filtered. */
  @GET
  public CasePage list(
      @Context SecurityContext sc,
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @QueryParam("accountId") String accountId,
      @QueryParam("priority") String priority,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    List<FieldError> errors = new java.util.ArrayList<>();
    CaseStatus s =
        status == null || status.isBlank()
            ? null
            : AssignmentDtos.parse(CaseStatus.class, "status", status, errors);
    CasePriority p =
        priority == null || priority.isBlank()
            ? null
            : AssignmentDtos.parse(CasePriority.class, "priority", priority, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Page<ServiceCase> page =
        cases.list(
            Actors.of(sc),
            new CaseQuery(
                s,
                owner == null || owner.isBlank() ? null : owner.strip(),
                accountId == null || accountId.isBlank()
                    ? null
                    : Params.uuid("accountId", accountId),
                p,
                Params.integer("limit", limit, 50),
                cursor));
    return new CasePage(
        page.items().stream().map(CaseView::of).toList(), page.nextCursor().orElse(null));
  }

  /** Opens a case: 201, Location, ETag; the CASE assignment rules choose the owner. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, CaseBody body) {
    ServiceCase c = cases.create(Actors.of(sc), required(body).toDraft());
    URI location = uri.getAbsolutePathBuilder().path(c.id().toString()).build();
    return Response.created(location).tag(Etags.of(c.version())).entity(CaseView.of(c)).build();
  }

  /** One case. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    return answer(cases.get(Actors.of(sc), parse(id)));
  }

  /** Replaces the editable fields (If-Match). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      CaseBody body) {
    UUID uuid = parse(id);
    long version = Etags.requiredVersion(headers);
    return answer(cases.update(Actors.of(sc), uuid, version, required(body).toDraft()));
  }

  /** Moves the case along its lifecycle (If-Match); an illegal transition is 409. */
  @POST
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response status(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      CaseStatusBody body) {
    UUID uuid = parse(id);
    long version = Etags.requiredVersion(headers);
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("status", "is required")));
    }
    return answer(cases.transition(Actors.of(sc), uuid, version, body.target(), body.note()));
  }

  /** The case's thread, oldest first. */
  @GET
  @Path("{id}/events")
  public CaseThread events(@Context SecurityContext sc, @PathParam("id") String id) {
    return new CaseThread(
        cases.events(Actors.of(sc), parse(id)).stream().map(CaseEventView::of).toList());
  }

  /** Adds a reply (the default) or a note: 201. The first reply is the first response. */
  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response comment(
      @Context SecurityContext sc, @PathParam("id") String id, CommentBody body) {
    CommentBody b = body == null ? new CommentBody(null, null) : body;
    return Response.status(Response.Status.CREATED)
        .entity(CaseEventView.of(cases.comment(Actors.of(sc), parse(id), b.target(), b.body())))
        .build();
  }

  /** The case's audit history, newest first. */
  @GET
  @Path("{id}/history")
  public Response history(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    AuditQuery q = AuditResource.query(KIND, parse(id), null, from, to, limit, cursor);
    return AuditResource.page(audit.history(Actors.of(sc), q), uri);
  }

  /** The case's shares. */
  @GET
  @Path("{id}/shares")
  public ShareList shares(@Context SecurityContext sc, @PathParam("id") String id) {
    return new ShareList(
        shares.shares(Actors.of(sc), KIND, parse(id)).stream().map(ShareView::of).toList());
  }

  /** Shares the case with a user or team, or changes the access of that share. */
  @POST
  @Path("{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response share(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      ShareBody body) {
    ShareBody b = body == null ? new ShareBody(null, null, null) : body;
    Share s = shares.share(Actors.of(sc), KIND, parse(id), b.type(), b.principal(), b.level());
    URI location = uri.getAbsolutePathBuilder().path(s.id().toString()).build();
    return Response.created(location).entity(ShareView.of(s)).build();
  }

  /** Removes a share. */
  @DELETE
  @Path("{id}/shares/{shareId}")
  public Response unshare(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("shareId") String shareId) {
    shares.unshare(Actors.of(sc), KIND, parse(id), Ids.parse("share", shareId));
    return Response.noContent().build();
  }

  private static Response answer(ServiceCase c) {
    return Response.ok(CaseView.of(c)).tag(Etags.of(c.version())).build();
  }

  private static UUID parse(String id) {
    return Ids.parse(KIND, id);
  }

  private static CaseBody required(CaseBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body;
  }
}
