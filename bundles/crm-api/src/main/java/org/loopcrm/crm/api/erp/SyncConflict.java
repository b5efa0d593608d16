package org.loopcrm.crm.api.erp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An ERP change to an account that the CRM changed too since they last agreed, with different
 * values. Every one is recorded, so conflicts stay visible whatever the policy: under {@link
 * ConflictPolicy#ERP_WINS} it is recorded as {@link Status#TOOK_ERP} (the ERP's values applied),
 * under {@link ConflictPolicy#CRM_WINS} as {@link Status#KEPT_CRM}, and under {@link
 * ConflictPolicy#MANUAL} as {@link Status#OPEN}, applying nothing until a person resolves it.
 *
 * @param id the conflict's id
 * @param accountId the account
 * @param erpSystem the ERP
 * @param customerRef the party in the ERP
 * @param erpValues the fields the ERP changed, with the ERP's values
 * @param crmValues the same fields with the CRM's values when the conflict was found
 * @param status open, or how it was resolved
 * @param detectedAt when it was found
 * @param resolvedBy who resolved it, or null
 * @param resolvedAt when, or null
 */
public record SyncConflict(
    UUID id,
    UUID accountId,
    String erpSystem,
    String customerRef,
    Map<String, String> erpValues,
    Map<String, String> crmValues,
    Status status,
    Instant detectedAt,
    String resolvedBy,
    Instant resolvedAt) {

  /** Copies the maps. */
  public SyncConflict {
    erpValues = Map.copyOf(erpValues);
    crmValues = Map.copyOf(crmValues);
  }

  /** Where a conflict stands; {@code resolvedBy} is {@code policy} when the policy decided. */
  public enum Status {
    OPEN,
    /** The ERP's values were applied to the account. */
    TOOK_ERP,
    /** The CRM's values were kept (the connector writes them back to the ERP). */
    KEPT_CRM
  }
}
