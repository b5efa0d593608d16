package org.loopcrm.crm.api.account;

/**
 * A listing request.
 *
 * @param namePrefix only accounts whose name starts with this (case-insensitive), or null
 * @param owner only accounts of this owner, or null
 * @param includeArchived whether archived accounts are listed too
 * @param sort the order
 * @param limit the page size, 1 to 200
 * @param cursor the cursor of the previous page, or null for the first
 */
public record AccountQuery(
    String namePrefix,
    String owner,
    boolean includeArchived,
    AccountSort sort,
    int limit,
    String cursor) {

  /** The first page of everything active, by name. */
  public static AccountQuery firstPage(int limit) {
    return new AccountQuery(null, null, false, AccountSort.NAME_ASC, limit, null);
  }
}
