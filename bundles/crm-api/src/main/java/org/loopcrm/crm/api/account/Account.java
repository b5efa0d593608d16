package org.loopcrm.crm.api.account;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An account: an organization party in a customer or prospect role.
 *
 * @param id the surrogate id
 * @param name the organization's name
 * @param erpRef the id of the same party in the ERP, unique, or null if not linked
 * @param taxId the VAT or tax id, normalised (upper case, no spaces or punctuation), or null
 * @param owner the user who owns the account
 * @param stage the lifecycle stage
 * @param status active or archived
 * @param receivables the ERP's receivables snapshot, or null for a caller without finance access
 * @param version the optimistic-locking version; changes send it back to prove they saw the latest
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 * @param customFields the custom field values by key, typed as {@link
 *     org.loopcrm.crm.api.customfield.FieldType} says; fields without a value are absent; never
 *     null
 */
public record Account(
    UUID id,
    String name,
    String erpRef,
    String taxId,
    String owner,
    LifecycleStage stage,
    AccountStatus status,
    Receivables receivables,
    long version,
    Instant createdAt,
    Instant updatedAt,
    Map<String, Object> customFields) {

  /** Copies the custom fields, sorted by key; none when null. */
  public Account {
    customFields =
        customFields == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(customFields));
  }

  /** An account without custom fields: the form before custom fields existed. */
  public Account(
      UUID id,
      String name,
      String erpRef,
      String taxId,
      String owner,
      LifecycleStage stage,
      AccountStatus status,
      Receivables receivables,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        name,
        erpRef,
        taxId,
        owner,
        stage,
        status,
        receivables,
        version,
        createdAt,
        updatedAt,
        null);
  }

  /** An account without a tax id: the form before tax ids existed. */
  public Account(
      UUID id,
      String name,
      String erpRef,
      String owner,
      LifecycleStage stage,
      AccountStatus status,
      Receivables receivables,
      long version,
      Instant createdAt,
      Instant updatedAt) {
    this(id, name, erpRef, null, owner, stage, status, receivables, version, createdAt, updatedAt);
  }
}
