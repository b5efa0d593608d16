package org.loopcrm.crm.rest.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.search.SearchKind;
import org.loopcrm.crm.api.search.SearchQuery;
import org.loopcrm.crm.api.search.SearchService;
import org.loopcrm.crm.rest.internal.CustomFieldDtos.SearchHitView;
import org.loopcrm.crm.rest.internal.CustomFieldDtos.SearchResult;

/** {@code /search}: one search box over accounts, contacts and contact mechanisms. */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {
  private static final int DEFAULT_LIMIT = 20;
  private final SearchService search;

  SearchResource(SearchService search) {
    this.search = search;
  }

  /** The best hits for {@code q} among the caller's records. */
  @GET
  public SearchResult search(
      @Context SecurityContext sc,
      @QueryParam("q") String q,
      @QueryParam("kinds") String kinds,
      @QueryParam("limit") String limit) {
    SearchQuery query =
        new SearchQuery(q, kinds(kinds), Params.integer("limit", limit, DEFAULT_LIMIT));
    return new SearchResult(
        q, search.search(Actors.of(sc), query).stream().map(SearchHitView::of).toList());
  }

  private static Set<SearchKind> kinds(String text) {
    Set<SearchKind> out = EnumSet.noneOf(SearchKind.class);
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String k : text.split(",")) {
      try {
        out.add(SearchKind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Params.invalid(
            "kinds", "must be a comma-separated list of account, contact, mechanism");
      }
    }
    return out;
  }
}
