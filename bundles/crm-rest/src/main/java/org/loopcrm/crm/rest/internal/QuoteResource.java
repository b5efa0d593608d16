package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.UUID;
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
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.rest.internal.QuoteDtos.NoteBody;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteBody;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteView;

/**
 * {@code /quotes/{id}}: one quote revision, its transitions and its PDF. Every change names the
 * version read (If-Match). Quotes are made and listed under their opportunity ({@link
 * OpportunityQuoteResource}).
 */
@Path("/quotes")
@Produces(MediaType.APPLICATION_JSON)
public final class QuoteResource {
  private final SalesServices sales;

  QuoteResource(SalesServices sales) {
    this.sales = sales;
  }

  /** One quote revision. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    return answer(sales.quotes().get(Actors.of(sc), parse(id)));
  }

  /** The quote as a PDF. */
  @GET
  @Path("{id}/pdf")
  @Produces("application/pdf")
  public Response pdf(@Context SecurityContext sc, @PathParam("id") String id) {
    Actor actor = Actors.of(sc);
    Quote q = sales.quotes().get(actor, parse(id));
    String customer = sales.accounts().get(actor, q.accountId()).name();
    String contact = null;
    if (q.contactId() != null) {
      Contact c = sales.accounts().contact(actor, q.accountId(), q.contactId());
      contact = ((c.firstName() == null ? "" : c.firstName() + " ") + c.lastName()).strip();
    }
    byte[] pdf = sales.renderer().pdf(q, customer, contact);
    return Response.ok(pdf, "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"" + q.number() + "-" + q.revision() + ".pdf\"")
        .tag(Etags.of(q.version()))
        .build();
  }

  /** Changes a DRAFT (If-Match). */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      QuoteBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> sales.quotes().update(a, q, v, body == null ? null : body.toDraft()));
  }

  /** A new DRAFT revision (If-Match on the one revised): 201. */
  @POST
  @Path("{id}/revise")
  public Response revise(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @PathParam("id") String id) {
    long version = Etags.requiredVersion(headers);
    Quote q = sales.quotes().revise(Actors.of(sc), parse(id), version);
    URI location = uri.getBaseUriBuilder().path("quotes").path(q.id().toString()).build();
    return Response.created(location).tag(Etags.of(q.version())).entity(QuoteView.of(q)).build();
  }

  /** Submits a DRAFT (If-Match): APPROVED or PENDING_APPROVAL. */
  @POST
  @Path("{id}/submit")
  public Response submit(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    return transition(sc, headers, id, (a, q, v) -> sales.quotes().submit(a, q, v));
  }

  /** Approves (If-Match; crm-admin, crm-manager). */
  @POST
  @Path("{id}/approve")
  public Response approve(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      NoteBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> sales.quotes().approve(a, q, v, body == null ? null : body.note()));
  }

  /** Refuses approval: back to DRAFT (If-Match; crm-admin, crm-manager; note required). */
  @POST
  @Path("{id}/refuse-approval")
  public Response refuse(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      NoteBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> sales.quotes().refuseApproval(a, q, v, body == null ? null : body.note()));
  }

  /** Asks the ERP for availability and credit now and keeps the answers on the quote. */
  @POST
  @Path("{id}/check")
  public Response check(@Context SecurityContext sc, @PathParam("id") String id) {
    return answer(sales.quotes().check(Actors.of(sc), parse(id)));
  }

  /** Marks it sent (If-Match). */
  @POST
  @Path("{id}/send")
  public Response send(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    return transition(sc, headers, id, (a, q, v) -> sales.quotes().send(a, q, v));
  }

  /** The customer accepts (If-Match): the opportunity is won, the ERP sale commanded. */
  @POST
  @Path("{id}/accept")
  public Response accept(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    return transition(sc, headers, id, (a, q, v) -> sales.quotes().accept(a, q, v));
  }

  /** The customer rejects (If-Match; reason required). */
  @POST
  @Path("{id}/reject")
  public Response reject(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      NoteBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> sales.quotes().reject(a, q, v, body == null ? null : body.reason()));
  }

  /**
   * The customer withdraws the accepted order (If-Match; reason required): the ERP sale is
   * commanded cancelled; the opportunity's productions stop once the ERP has cancelled it.
   */
  @POST
  @Path("{id}/cancel-order")
  public Response cancelOrder(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      NoteBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> sales.quotes().cancelOrder(a, q, v, body == null ? null : body.reason()));
  }

  /**
   * The customer reduces the accepted order (If-Match; lines with their new quantities, reason
   * required): the ERP sale is commanded changed and the changed configured lines' productions with
   * it.
   */
  @POST
  @Path("{id}/reduce-order")
  public Response reduceOrder(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      QuoteDtos.ReduceBody body) {
    return transition(
        sc,
        headers,
        id,
        (a, q, v) -> {
          if (body == null) {
            throw Params.invalid("lines", "is required");
          }
          return sales.quotes().reduceOrder(a, q, v, body.toLines(), body.reason());
        });
  }

  /** A change of the quote the path names, from the version If-Match names. */
  @FunctionalInterface
  private interface Change {
    Quote apply(Actor actor, UUID id, long version);
  }

  private static Response transition(
      SecurityContext sc, HttpHeaders headers, String id, Change change) {
    long version = Etags.requiredVersion(headers);
    return answer(change.apply(Actors.of(sc), parse(id), version));
  }

  private static Response answer(Quote q) {
    return Response.ok(QuoteView.of(q)).tag(Etags.of(q.version())).build();
  }

  private static UUID parse(String id) {
    return Ids.parse("quote", id);
  }
}
