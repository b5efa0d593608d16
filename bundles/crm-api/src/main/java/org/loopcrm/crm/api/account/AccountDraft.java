package org.loopcrm.crm.api.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a caller sets on an account, on create and on update (an update replaces them all).
 *
 * @param name the organization's name, required, at most 200 characters
 * @param erpRef the ERP party id, optional, unique, at most 64 characters
 * @param taxId the VAT or tax id, optional; stored normalised (upper case, letters and digits only,
 *     2 to 32 of them), not unique: two records with one tax id are what duplicate detection finds
 * @param owner the owning user; null on create means the caller
 * @param stage the lifecycle stage; null on create means {@link LifecycleStage#PROSPECT}
 * @param customFields custom field values by key (text, numbers, booleans, ISO dates as text or
 *     {@link java.time.LocalDate}); a key mapped to null clears that field. Unlike the other fields
 *     an update only changes the keys it names, and null leaves every custom field as it is
 */
public record AccountDraft(
    String name,
    String erpRef,
    String taxId,
    String owner,
    LifecycleStage stage,
    Map<String, Object> customFields) {

  /** Copies the custom fields (null values included). */
  public AccountDraft {
    customFields =
        customFields == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
  }

  /** A draft without custom fields: the form before custom fields existed. */
  public AccountDraft(
      String name, String erpRef, String taxId, String owner, LifecycleStage stage) {
    this(name, erpRef, taxId, owner, stage, null);
  }

  /** A draft without a tax id. */
  public AccountDraft(String name, String erpRef, String owner, LifecycleStage stage) {
    this(name, erpRef, null, owner, stage);
  }
}
