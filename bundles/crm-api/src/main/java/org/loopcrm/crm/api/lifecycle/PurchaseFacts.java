package org.loopcrm.crm.api.lifecycle;

import java.time.Instant;

/**
 * What the lifecycle rules know of an account's purchases: its posted ERP invoices (credit notes do
 * not count as purchases).
 *
 * @param purchases all purchases
 * @param purchasesInWindow purchases within the last {@code windowDays} days
 * @param windowDays the rules' window
 * @param firstPurchaseAt the first purchase, or null
 * @param lastPurchaseAt the latest purchase, or null
 * @param daysSinceLastPurchase whole days from the latest purchase to now, or -1 without purchases
 */
public record PurchaseFacts(
    long purchases,
    long purchasesInWindow,
    int windowDays,
    Instant firstPurchaseAt,
    Instant lastPurchaseAt,
    long daysSinceLastPurchase) {}
