package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.rest.internal.Dtos.WebhookBody;
import org.loopcrm.crm.rest.internal.Dtos.WebhookDeliveryPage;
import org.loopcrm.crm.rest.internal.Dtos.WebhookDeliveryView;
import org.loopcrm.crm.rest.internal.Dtos.WebhookList;
import org.loopcrm.crm.rest.internal.Dtos.WebhookView;

/**
 * {@code /webhooks}: subscriptions to events and their deliveries, for crm-admin (the service
 * refuses everyone else). The secret is accepted on create and never returned.
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookResource {
  private static final int DEFAULT_LIMIT = 50;
  private static final String KIND = "webhook subscription";
  private final WebhookService webhooks;

  WebhookResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  /** Subscribes a URL to event types. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, WebhookBody body) {
    WebhookSubscription s =
        webhooks.subscribe(
            Actors.of(sc),
            (body == null ? new WebhookBody(null, null, null, null) : body).toDraft());
    URI location = uri.getAbsolutePathBuilder().path(s.id().toString()).build();
    return Response.created(location).entity(WebhookView.of(s)).build();
  }

  /** All subscriptions, oldest first. */
  @GET
  public WebhookList list(@Context SecurityContext sc) {
    return new WebhookList(
        webhooks.subscriptions(Actors.of(sc)).stream().map(WebhookView::of).toList());
  }

  /** One subscription. */
  @GET
  @Path("{id}")
  public WebhookView get(@Context SecurityContext sc, @PathParam("id") String id) {
    return WebhookView.of(webhooks.subscription(Actors.of(sc), Ids.parse(KIND, id)));
  }

  /** Deletes a subscription and its deliveries. */
  @DELETE
  @Path("{id}")
  public Response delete(@Context SecurityContext sc, @PathParam("id") String id) {
    webhooks.unsubscribe(Actors.of(sc), Ids.parse(KIND, id));
    return Response.noContent().build();
  }

  /** A subscription's deliveries, newest first, a page at a time. */
  @GET
  @Path("{id}/deliveries")
  public Response deliveries(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID subscription = Ids.parse(KIND, id);
    Page<WebhookDelivery> page =
        webhooks.deliveries(
            Actors.of(sc), subscription, Params.integer("limit", limit, DEFAULT_LIMIT), cursor);
    Response.ResponseBuilder r =
        Response.ok(
            new WebhookDeliveryPage(
                page.items().stream().map(WebhookDeliveryView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }
}
