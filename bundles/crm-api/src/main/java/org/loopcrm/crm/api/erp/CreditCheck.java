package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.util.UUID;
import org.loopcrm.crm.api.erp.port.CreditStatus;

/**
 * The answer of a credit check.
 *
 * @param accountId the account
 * @param erpSystem the ERP that answered
 * @param status its standing in the ERP
 * @param amount the amount checked (zero when none was given)
 * @param allowed whether the open receivable plus the amount stays within the credit limit (true
 *     when the ERP sets no limit)
 */
public record CreditCheck(
    UUID accountId, String erpSystem, CreditStatus status, BigDecimal amount, boolean allowed) {}
