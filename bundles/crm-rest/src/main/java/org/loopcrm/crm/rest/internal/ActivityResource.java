package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityQuery;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityBody;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityPage;
import org.loopcrm.crm.rest.internal.ActivityDtos.ActivityView;

/** {@code /activities}: interactions and tasks of accounts, and the task transitions. */
@Path("/activities")
@Produces(MediaType.APPLICATION_JSON)
public final class ActivityResource {
  private static final int DEFAULT_LIMIT = 50;
  private static final String ACTIVITY = "activity";
  private final ActivityService activities;

  ActivityResource(ActivityService activities) {
    this.activities = activities;
  }

  /** Records an activity. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, ActivityBody body) {
    Activity a = activities.create(Actors.of(sc), body == null ? null : body.toDraft());
    URI location = uri.getAbsolutePathBuilder().path(a.id().toString()).build();
    return Response.created(location).tag(Etags.of(a.version())).entity(ActivityView.of(a)).build();
  }

  /** Lists an account's (or one of its contacts') activities, newest first. */
  @GET
  public Response list(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("accountId") String accountId,
      @QueryParam("contactId") String contactId,
      @QueryParam("kind") List<String> kinds,
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID account = Params.uuid("accountId", accountId);
    if (account == null) {
      throw Params.invalid("accountId", "is required");
    }
    ActivityQuery q =
        new ActivityQuery(
            account,
            Params.uuid("contactId", contactId),
            kinds(kinds),
            status(status),
            owner,
            Params.integer("limit", limit, DEFAULT_LIMIT),
            cursor);
    Page<Activity> page = activities.list(Actors.of(sc), q);
    Response.ResponseBuilder r =
        Response.ok(
            new ActivityPage(
                page.items().stream().map(ActivityView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** Reads an activity. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    Activity a = activities.get(Actors.of(sc), Ids.parse(ACTIVITY, id));
    return ok(a);
  }

  /** Replaces an activity's fields; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      ActivityBody body) {
    UUID uuid = Ids.parse(ACTIVITY, id);
    long version = Etags.requiredVersion(headers);
    return ok(
        activities.update(Actors.of(sc), uuid, version, body == null ? null : body.toDraft()));
  }

  /** Marks an open task done; needs If-Match. */
  @POST
  @Path("{id}/complete")
  public Response complete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(ACTIVITY, id);
    return ok(activities.complete(Actors.of(sc), uuid, Etags.requiredVersion(headers)));
  }

  /** Cancels an open task; needs If-Match. */
  @POST
  @Path("{id}/cancel")
  public Response cancel(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(ACTIVITY, id);
    return ok(activities.cancel(Actors.of(sc), uuid, Etags.requiredVersion(headers)));
  }

  /** Opens a done or cancelled task again; needs If-Match. */
  @POST
  @Path("{id}/reopen")
  public Response reopen(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(ACTIVITY, id);
    return ok(activities.reopen(Actors.of(sc), uuid, Etags.requiredVersion(headers)));
  }

  /** Deletes an activity; needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(ACTIVITY, id);
    activities.delete(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  private static Response ok(Activity a) {
    return Response.ok(ActivityView.of(a)).tag(Etags.of(a.version())).build();
  }

  private static Set<ActivityKind> kinds(List<String> tokens) {
    Set<ActivityKind> out = EnumSet.noneOf(ActivityKind.class);
    if (tokens != null) {
      for (String t : tokens) {
        for (String k : t.split(",")) {
          if (k.isBlank()) {
            continue;
          }
          try {
            out.add(ActivityKind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw Params.invalid("kind", "'" + k.strip() + "' is not an activity kind");
          }
        }
      }
    }
    return out;
  }

  private static TaskStatus status(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return TaskStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("status", "must be one of OPEN, DONE, CANCELLED");
    }
  }
}
