package org.loopcrm.crm.api.account;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
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
 * @param customFields the contact custom field values by key; fields without a value are absent;
 *     never null
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
    Instant updatedAt,
    Map<String, Object> customFields) {

  /** Copies the custom fields, sorted by key; none when null. */
  public Contact {
    customFields =
        customFields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(customFields));
  }

  /** A contact without custom fields: the form before custom fields existed. */
  public Contact(
      UUID id,
      UUID accountId,
      String firstName,
      String lastName,
      String email,
      String phone,
      String title,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id, accountId, firstName, lastName, email, phone, title, version, createdAt, updatedAt,
        null);
  }
}
