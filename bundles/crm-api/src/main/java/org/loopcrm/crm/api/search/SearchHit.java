package org.loopcrm.crm.api.search;

import java.util.UUID;

/**
 * One record found.
 *
 * @param kind what was found
 * @param id the account's, contact's or contact mechanism's id
 * @param accountId the account the record belongs to (the account itself for an account)
 * @param label what to show: the account's name, the contact's full name, or the mechanism's owner
 * @param field what matched: {@code name}, or the mechanism kind ({@code email}, {@code phone},
 *     {@code postal}, {@code web}, {@code social})
 * @param matched the text that matched
 * @param score the relevance, 0 to 1, higher first; equal scores are ordered by kind, label and id
 */
public record SearchHit(
    SearchKind kind,
    UUID id,
    UUID accountId,
    String label,
    String field,
    String matched,
    double score) {}
