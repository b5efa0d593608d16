package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An ERP document of an account as the CRM last heard of it.
 *
 * @param accountId the account
 * @param erpSystem the ERP
 * @param kind the document's kind
 * @param documentRef its id in the ERP
 * @param number its human number, or null
 * @param state its latest state
 * @param amount its total, or null
 * @param currency the currency of {@code amount}, or null
 * @param crmRef the CRM record that caused it, or null
 * @param changedAt when the ERP last changed it
 * @param firstSeenAt when the CRM first heard of it
 */
public record ErpDocument(
    UUID accountId,
    String erpSystem,
    DocumentKind kind,
    String documentRef,
    String number,
    String state,
    BigDecimal amount,
    String currency,
    String crmRef,
    Instant changedAt,
    Instant firstSeenAt) {}
