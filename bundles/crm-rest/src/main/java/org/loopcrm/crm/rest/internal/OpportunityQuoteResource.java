package org.loopcrm.crm.rest.internal;

import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteBody;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteList;
import org.loopcrm.crm.rest.internal.QuoteDtos.QuoteView;

/** {@code /opportunities/{id}/quotes}: the quotes of an opportunity, and making a new one. */
@Path("/opportunities/{id}/quotes")
@Produces(MediaType.APPLICATION_JSON)
public final class OpportunityQuoteResource {
  private final SalesServices sales;

  OpportunityQuoteResource(SalesServices sales) {
    this.sales = sales;
  }

  /** A first quote for the opportunity (its lines when none are given): 201. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      QuoteBody body) {
    Quote q =
        sales
            .quotes()
            .create(
                Actors.of(sc), Ids.parse("opportunity", id), body == null ? null : body.toDraft());
    URI location = uri.getBaseUriBuilder().path("quotes").path(q.id().toString()).build();
    return Response.created(location).tag(Etags.of(q.version())).entity(QuoteView.of(q)).build();
  }

  /** The opportunity's quotes, newest first. */
  @GET
  public QuoteList list(@Context SecurityContext sc, @PathParam("id") String id) {
    return new QuoteList(
        sales.quotes().ofOpportunity(Actors.of(sc), Ids.parse("opportunity", id)).stream()
            .map(QuoteView::of)
            .toList());
  }
}
