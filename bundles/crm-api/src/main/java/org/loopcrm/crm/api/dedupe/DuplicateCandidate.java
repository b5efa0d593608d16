package org.loopcrm.crm.api.dedupe;

import java.util.UUID;

/**
 * A record that is probably the same party as a draft.
 *
 * @param id the record's id (an account id, or a contact's person id)
 * @param kind {@code account} or {@code contact}
 * @param accountId the account: the record itself, or the contact's account
 * @param name the account's name, or the contact's "first last"
 * @param score how alike the two are, 0 to 1
 * @param rule the rule that gave the score: email, phone, taxId, erpRef or name
 */
public record DuplicateCandidate(
    UUID id, String kind, UUID accountId, String name, double score, String rule) {}
