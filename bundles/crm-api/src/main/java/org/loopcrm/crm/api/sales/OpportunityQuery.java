package org.loopcrm.crm.api.sales;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of an opportunity listing; null filters are not applied.
 *
 * @param accountId one account's
 * @param owner one owner's
 * @param pipeline one pipeline's
 * @param stage in one stage
 * @param status open, won or lost
 * @param closeFrom closing on or after
 * @param closeTo closing on or before
 */
public record OpportunityQuery(
    UUID accountId,
    String owner,
    String pipeline,
    String stage,
    StageKind status,
    LocalDate closeFrom,
    LocalDate closeTo) {

  /** No filter. */
  public static final OpportunityQuery ALL =
      new OpportunityQuery(null, null, null, null, null, null, null);
}
