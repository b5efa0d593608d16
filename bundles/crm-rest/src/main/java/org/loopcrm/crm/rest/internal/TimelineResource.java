package org.loopcrm.crm.rest.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.GET;
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
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.activity.TimelineService;
import org.loopcrm.crm.rest.internal.ActivityDtos.TimelineItemView;
import org.loopcrm.crm.rest.internal.ActivityDtos.TimelinePage;

/**
 * {@code /accounts/{id}/timeline}: the 360° timeline of an account, or with {@code contactId} of
 * one of its contacts, newest first.
 */
@Path("/accounts/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public final class TimelineResource {
  private static final int DEFAULT_LIMIT = 50;
  private final TimelineService timeline;

  TimelineResource(TimelineService timeline) {
    this.timeline = timeline;
  }

  /** One page of the timeline; {@code kind} (repeatable or comma-separated) filters. */
  @GET
  public Response timeline(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("contactId") String contactId,
      @QueryParam("kind") List<String> kinds,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Set<String> filter = new LinkedHashSet<>();
    if (kinds != null) {
      for (String k : kinds) {
        for (String part : k.split(",")) {
          if (!part.isBlank()) {
            filter.add(part.strip());
          }
        }
      }
    }
    TimelineQuery q =
        new TimelineQuery(
            Ids.parse("account", id),
            Params.uuid("contactId", contactId),
            filter,
            Params.integer("limit", limit, DEFAULT_LIMIT),
            cursor);
    Page<TimelineItem> page = timeline.timeline(Actors.of(sc), q);
    Response.ResponseBuilder r =
        Response.ok(
            new TimelinePage(
                page.items().stream().map(TimelineItemView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }
}
