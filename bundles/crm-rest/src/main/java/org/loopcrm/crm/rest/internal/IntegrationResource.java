package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.integration.IntegrationUnavailableException;
import org.loopcrm.crm.rest.internal.IntegrationDtos.DeadLetterList;
import org.loopcrm.crm.rest.internal.IntegrationDtos.DeadLetterView;
import org.loopcrm.crm.rest.internal.IntegrationDtos.MetricsView;
import org.loopcrm.crm.rest.internal.IntegrationDtos.QueueList;
import org.loopcrm.crm.rest.internal.IntegrationDtos.QueueView;
import org.loopcrm.crm.rest.internal.IntegrationDtos.ReplayBody;
import org.loopcrm.crm.rest.internal.IntegrationDtos.ReplayView;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RetryBody;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RetryView;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RouteList;
import org.loopcrm.crm.rest.internal.IntegrationDtos.RouteView;

/**
 * {@code /integration}: the routes as operators see them — state, figures and lag, their
 * dead-letter queues and the retry of dead letters, replay, and metrics (JSON or Prometheus text).
 * Administrators and the integration role read; administrators act.
 */
@Path("/integration")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrationResource {
  private final Supplier<IntegrationService> integration;

  /**
   * @param integration the service while the routes run, else null (then 503)
   */
  IntegrationResource(Supplier<IntegrationService> integration) {
    this.integration = integration;
  }

  private IntegrationService service() {
    IntegrationService s = integration.get();
    if (s == null) {
      throw new IntegrationUnavailableException(
          "the integration routes are not running (feature crm-routes)", null);
    }
    return s;
  }

  /** Every route with its state, figures and lag. */
  @GET
  @Path("routes")
  public RouteList routes(@Context SecurityContext sc) {
    return new RouteList(service().routes(Actors.of(sc)).stream().map(RouteView::of).toList());
  }

  /** One route. */
  @GET
  @Path("routes/{id}")
  public RouteView route(@Context SecurityContext sc, @PathParam("id") String id) {
    return RouteView.of(service().route(Actors.of(sc), id));
  }

  /** Replays a route: a poller from {@code from}, a queue route by retrying its dead letters. */
  @POST
  @Path("routes/{id}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReplayView replay(
      @Context SecurityContext sc, @PathParam("id") String id, ReplayBody body) {
    Instant from = body == null || body.from() == null ? null : Params.instant("from", body.from());
    return ReplayView.of(service().replay(Actors.of(sc), id, from));
  }

  /** The dead-letter queues and their depth. */
  @GET
  @Path("dlq")
  public QueueList queues(@Context SecurityContext sc) {
    return new QueueList(
        service().deadLetterQueues(Actors.of(sc)).stream().map(QueueView::of).toList());
  }

  /** The oldest messages of a dead-letter queue ({@code limit}, default 50, at most 500). */
  @GET
  @Path("dlq/{queue}")
  public DeadLetterList deadLetters(
      @Context SecurityContext sc,
      @PathParam("queue") String queue,
      @QueryParam("limit") String limit) {
    return new DeadLetterList(
        queue,
        service().deadLetters(Actors.of(sc), queue, Params.integer("limit", limit, 50)).stream()
            .map(DeadLetterView::of)
            .toList());
  }

  /** Moves one dead letter ({@code messageId}) or all ({@code all: true}) back to their queue. */
  @POST
  @Path("dlq/{queue}/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  public RetryView retry(
      @Context SecurityContext sc, @PathParam("queue") String queue, RetryBody body) {
    boolean all = body != null && Boolean.TRUE.equals(body.all());
    String id = body == null ? null : body.messageId();
    if (all == (id != null)) {
      throw new ValidationException(
          List.of(new FieldError("messageId", "give either a messageId or \"all\": true")));
    }
    return RetryView.of(
        all ? service().retryAll(Actors.of(sc), queue) : service().retry(Actors.of(sc), queue, id));
  }

  /**
   * Every route's and dead-letter queue's figures: JSON, or Prometheus text ({@code
   * format=prometheus}, or an Accept header that prefers {@code text/plain}).
   */
  @GET
  @Path("metrics")
  @Produces({MediaType.APPLICATION_JSON, PrometheusText.MEDIA_TYPE})
  public Response metrics(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @QueryParam("format") String format) {
    boolean prometheus;
    if (format == null || format.isBlank()) {
      prometheus = prefersText(headers);
    } else if (format.equals("prometheus")) {
      prometheus = true;
    } else if (format.equals("json")) {
      prometheus = false;
    } else {
      throw new ValidationException(
          List.of(new FieldError("format", "must be json or prometheus")));
    }
    var metrics = service().metrics(Actors.of(sc));
    return prometheus
        ? Response.ok(PrometheusText.of(metrics), PrometheusText.MEDIA_TYPE).build()
        : Response.ok(MetricsView.of(metrics), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Whether the first acceptable type that names text/plain or JSON is text/plain. */
  private static boolean prefersText(HttpHeaders headers) {
    if (headers == null) {
      return false;
    }
    for (MediaType t : headers.getAcceptableMediaTypes()) {
      if (t.isWildcardType()) {
        return false;
      }
      if (t.getType().equals("text") && t.getSubtype().equals("plain")) {
        return true;
      }
      if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
