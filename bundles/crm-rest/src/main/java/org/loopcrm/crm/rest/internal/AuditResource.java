package org.loopcrm.crm.rest.internal;

import java.util.UUID;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.rest.internal.Dtos.AuditEntryView;
import org.loopcrm.crm.rest.internal.Dtos.AuditPage;

/**
 * {@code /audit}: the changes of one user (crm-admin only) or of any one record, e.g. a contact's.
 * The service decides who may read what.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
  private static final int DEFAULT_LIMIT = 50;
  private final AuditService audit;

  AuditResource(AuditService audit) {
    this.audit = audit;
  }

  /** Audit entries of a user or of a record, newest first, a page at a time. */
  @GET
  public Response list(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("user") String user,
      @QueryParam("recordType") String recordType,
      @QueryParam("recordId") String recordId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    AuditQuery q =
        query(recordType, Params.uuid("recordId", recordId), user, from, to, limit, cursor);
    return page(audit.history(Actors.of(sc), q), uri);
  }

  /** The query of the audit endpoints, from their query parameters. */
  static AuditQuery query(
      String recordType,
      UUID recordId,
      String user,
      String from,
      String to,
      String limit,
      String cursor) {
    return new AuditQuery(
        recordType,
        recordId,
        user,
        Params.instant("from", from),
        Params.instant("to", to),
        Params.integer("limit", limit, DEFAULT_LIMIT),
        cursor);
  }

  /** A page of entries, with a {@code Link rel=next} when there is more. */
  static Response page(Page<AuditEntry> page, UriInfo uri) {
    Response.ResponseBuilder r =
        Response.ok(
            new AuditPage(
                page.items().stream().map(AuditEntryView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }
}
