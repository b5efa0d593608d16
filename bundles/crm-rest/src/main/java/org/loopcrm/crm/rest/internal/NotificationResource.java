package org.loopcrm.crm.rest.internal;

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
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.api.activity.NotificationService;
import org.loopcrm.crm.rest.internal.ActivityDtos.NotificationPage;
import org.loopcrm.crm.rest.internal.ActivityDtos.NotificationView;

/** {@code /notifications}: the caller's own notifications (task reminders), newest first. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationResource {
  private static final int DEFAULT_LIMIT = 50;
  private final NotificationService notifications;

  NotificationResource(NotificationService notifications) {
    this.notifications = notifications;
  }

  /** The caller's notifications; {@code unread=true} keeps the unread ones. */
  @GET
  public Response mine(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("unread") String unread,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<Notification> page =
        notifications.mine(
            Actors.of(sc),
            Params.bool("unread", unread),
            Params.integer("limit", limit, DEFAULT_LIMIT),
            cursor);
    Response.ResponseBuilder r =
        Response.ok(
            new NotificationPage(
                page.items().stream().map(NotificationView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** Marks one of the caller's notifications read; again changes nothing. */
  @POST
  @Path("{id}/read")
  public NotificationView markRead(@Context SecurityContext sc, @PathParam("id") String id) {
    return NotificationView.of(
        notifications.markRead(Actors.of(sc), Ids.parse("notification", id)));
  }
}
