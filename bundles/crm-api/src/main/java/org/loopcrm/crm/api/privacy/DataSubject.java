package org.loopcrm.crm.api.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * The person a privacy request is about, with the personal data the CRM holds on the person.
 *
 * @param id the person's id (a contact's id)
 * @param firstName given name, or null
 * @param lastName family name (a placeholder once erased)
 * @param email e-mail address, or null
 * @param phone phone number, or null
 * @param createdAt when the person was created
 * @param updatedAt when the person last changed
 * @param erasedAt when the person's data was erased, or null
 */
public record DataSubject(
    UUID id,
    String firstName,
    String lastName,
    String email,
    String phone,
    Instant createdAt,
    Instant updatedAt,
    Instant erasedAt) {}
