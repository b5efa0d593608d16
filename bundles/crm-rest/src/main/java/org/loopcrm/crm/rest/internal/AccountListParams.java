package org.loopcrm.crm.rest.internal;

import java.util.List;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;

/**
 * The query parameters of {@code GET /accounts}, parsed in one place for the list and for its
 * exports ({@code /accounts/export}, {@code /contacts/export}): a filter added here reaches both.
 */
public final class AccountListParams {
  static final int DEFAULT_LIMIT = 50;

  @QueryParam("name")
  String namePrefix;

  @QueryParam("owner")
  String owner;

  @QueryParam("includeArchived")
  String includeArchived;

  @QueryParam("sort")
  String sort;

  @QueryParam("limit")
  String limit;

  @QueryParam("cursor")
  String cursor;

  /**
   * The list query, with the custom-field filters ({@code cf.<key>}, {@code cf.<key>.gte|lte}) of
   * the request (none without {@code uri}); a parameter that does not parse is a 422 naming it.
   */
  AccountQuery query(UriInfo uri) {
    return new AccountQuery(
        namePrefix,
        owner,
        Params.bool("includeArchived", includeArchived),
        sort == null
            ? AccountSort.NAME_ASC
            : AccountSort.fromToken(sort)
                .orElseThrow(
                    () ->
                        Params.invalid(
                            "sort", "must be one of name, -name, createdAt, -createdAt")),
        Params.integer("limit", limit, DEFAULT_LIMIT),
        cursor,
        uri == null ? List.of() : CustomFieldDtos.filters(uri.getQueryParameters()));
  }
}
