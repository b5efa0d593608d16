package org.loopcrm.crm.api.privacy;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A reason the ERP (or the CRM's own finance facts) must keep a party's data, so it may not be
 * erased now.
 *
 * @param kind what kind of hold
 * @param reason the reason as the DPO reads it, e.g. "open receivables of 120.00 EUR on P-1001"
 * @param amount the amount concerned, or null
 * @param currency the ISO 4217 code of {@code amount}, or null
 * @param source who reported the hold, e.g. {@code crm} or {@code tryton}
 */
public record LegalHold(
    LegalHoldKind kind, String reason, BigDecimal amount, String currency, String source) {

  /** Checks the required parts. */
  public LegalHold {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
  }
}
