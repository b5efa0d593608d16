package org.loopcrm.crm.api.account;

import java.util.List;
import org.loopcrm.crm.api.customfield.CustomFieldFilter;

/**
 * A listing request.
 *
 * @param namePrefix only accounts whose name starts with this (case-insensitive), or null
 * @param owner only accounts of this owner, or null
 * @param includeArchived whether archived accounts are listed too
 * @param sort the order
 * @param limit the page size, 1 to 200
 * @param cursor the cursor of the previous page, or null for the first
 * @param customFieldFilters conditions on account custom fields, all of which must hold; never null
 */
public record AccountQuery(
    String namePrefix,
    String owner,
    boolean includeArchived,
    AccountSort sort,
    int limit,
    String cursor,
    List<CustomFieldFilter> customFieldFilters) {

  /** Copies the filters; none when null. */
  public AccountQuery {
    customFieldFilters = customFieldFilters == null ? List.of() : List.copyOf(customFieldFilters);
  }

  /** A query without custom field filters: the form before custom fields existed. */
  public AccountQuery(
      String namePrefix,
      String owner,
      boolean includeArchived,
      AccountSort sort,
      int limit,
      String cursor) {
    this(namePrefix, owner, includeArchived, sort, limit, cursor, null);
  }

  /** The first page of everything active, by name. */
  public static AccountQuery firstPage(int limit) {
    return new AccountQuery(null, null, false, AccountSort.NAME_ASC, limit, null);
  }
}
