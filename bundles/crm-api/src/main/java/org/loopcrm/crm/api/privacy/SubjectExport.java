package org.loopcrm.crm.api.privacy;

import java.time.Instant;
import java.util.List;
import org.loopcrm.crm.api.audit.AuditEntry;

/**
 * Everything the CRM holds on one data subject (GDPR art. 15 and 20), in one document.
 *
 * @param subject the person's data
 * @param accounts the accounts the person is a contact of
 * @param consents the current consent per purpose and channel
 * @param consentHistory every consent decision, newest first
 * @param audit the audit entries about the person, newest first
 * @param erasureRequests the erasure requests made for the person, newest first
 * @param exportedBy the user who made the export
 * @param exportedAt when the export was made
 */
public record SubjectExport(
    DataSubject subject,
    List<SubjectAccount> accounts,
    List<ConsentDecision> consents,
    List<ConsentDecision> consentHistory,
    List<AuditEntry> audit,
    List<ErasureRequest> erasureRequests,
    String exportedBy,
    Instant exportedAt) {

  /** Copies the lists. */
  public SubjectExport {
    accounts = List.copyOf(accounts);
    consents = List.copyOf(consents);
    consentHistory = List.copyOf(consentHistory);
    audit = List.copyOf(audit);
    erasureRequests = List.copyOf(erasureRequests);
  }
}
