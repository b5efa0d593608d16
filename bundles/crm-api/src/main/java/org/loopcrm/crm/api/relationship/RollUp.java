package org.loopcrm.crm.api.relationship;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Totals over an account and all its descendants that the caller may see.
 *
 * @param accountId the root of the totals
 * @param accounts how many accounts are counted (the root included)
 * @param activeAccounts how many of them are active
 * @param contacts how many contacts they have
 * @param receivablesOpen open receivables per currency (ISO 4217 code); null for callers without
 *     finance access
 * @param invoiceCount how many ERP invoices they have; null for callers without finance access
 * @param hiddenAccounts descendants left out because the caller may not see them
 */
public record RollUp(
    UUID accountId,
    int accounts,
    int activeAccounts,
    long contacts,
    Map<String, BigDecimal> receivablesOpen,
    Long invoiceCount,
    int hiddenAccounts) {

  /** Copies the totals. */
  public RollUp {
    receivablesOpen = receivablesOpen == null ? null : Map.copyOf(receivablesOpen);
  }
}
