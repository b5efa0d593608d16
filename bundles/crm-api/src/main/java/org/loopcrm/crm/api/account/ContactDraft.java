package org.loopcrm.crm.api.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a caller sets on a contact (an update replaces them all).
 *
 * @param firstName given name, at most 100 characters
 * @param lastName family name, required, at most 100 characters
 * @param email e-mail address, optional, must look like one
 * @param phone phone number, optional, at most 40 characters
 * @param title title at the account, optional, at most 100 characters
 * @param customFields contact custom field values by key, as in {@link AccountDraft}: an update
 *     changes only the keys it names, null leaves them all as they are
 */
public record ContactDraft(
    String firstName,
    String lastName,
    String email,
    String phone,
    String title,
    Map<String, Object> customFields) {

  /** Copies the custom fields (null values included). */
  public ContactDraft {
    customFields =
        customFields == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
  }

  /** A draft without custom fields: the form before custom fields existed. */
  public ContactDraft(String firstName, String lastName, String email, String phone, String title) {
    this(firstName, lastName, email, phone, title, null);
  }
}
