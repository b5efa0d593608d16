package org.loopcrm.crm.api.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A person linked to an account by a contact-of relationship.
 *
 * @param id the person's surrogate id
 * @param accountId the account the person is a contact of
 * @param firstName given name
 * @param lastName family name
 * @param email e-mail address, or null
 * @param phone phone number, or null
 * @param title the person's title at the account (the relationship's title), or null
 * @param version the optimistic-locking version
 * @param createdAt when the contact was created
 * @param updatedAt when the contact last changed
 */
public record Contact(
    UUID id,
    UUID accountId,
    String firstName,
    String lastName,
    String email,
    String phone,
    String title,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
