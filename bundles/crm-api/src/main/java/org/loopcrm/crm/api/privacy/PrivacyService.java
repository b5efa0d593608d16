package org.loopcrm.crm.api.privacy;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * Privacy for data subjects, who are persons (contacts): the consent register, the export of
 * everything held on a person, and erasure.
 *
 * <p>Consent: every decision is a new row (who, when, through which channel), never changed; the
 * current consent for a purpose and channel is the latest decision. Reading consents is open to
 * every CRM role; recording them to the roles that work contacts.
 *
 * <p>Export and erasure are for {@code crm-admin} (the data-protection officer's role). An erasure
 * first asks every registered {@link ErpFinancePort} and the CRM's own receivables for legal holds;
 * with any hold (or when a port fails) it is {@link ErasureStatus#REFUSED} and nothing changes but
 * the recorded request. Otherwise, in one transaction: the person's personal fields are anonymised
 * (the record, its id and its links stay, so ERP facts stay consistent), the personal values in the
 * person's earlier audit entries and in the evidence of the consent history are blanked, an {@code
 * ERASE} audit entry is written, and a {@code party.erased} event (ids and ERP references only)
 * goes to the outbox, from which the routes send an erasure command to the copies held elsewhere.
 *
 * <p>Every method throws {@link AccessDeniedException} for a caller without the permission and
 * {@link NotFoundException} for an unknown subject.
 */
public interface PrivacyService {

  /**
   * Records a consent decision; withdrawing what was never granted is recorded too.
   *
   * @return the decision as recorded
   * @throws ValidationException naming {@code purpose}, {@code channel}, {@code status}, {@code
   *     source} or {@code evidence}
   * @throws ConflictException if the subject's data was erased
   */
  ConsentDecision recordConsent(Actor actor, UUID subjectId, ConsentDraft draft);

  /** The current consent decisions of a subject, one per purpose and channel, by purpose. */
  List<ConsentDecision> consents(Actor actor, UUID subjectId);

  /** Every consent decision of a subject, newest first. */
  List<ConsentDecision> consentHistory(Actor actor, UUID subjectId);

  /**
   * Whether the subject's latest decision for the purpose and channel is a grant; false if none.
   *
   * @throws ValidationException if the purpose is not a valid token
   */
  boolean hasConsent(Actor actor, UUID subjectId, String purpose, ConsentChannel channel);

  /** Everything held on the subject; the export itself is recorded in the subject's audit. */
  SubjectExport export(Actor actor, UUID subjectId);

  /**
   * Requests the erasure of a subject's personal data and carries it out unless a legal hold
   * refuses it. Both outcomes are kept as an {@link ErasureRequest}.
   *
   * @throws ConflictException if the subject's data was erased already
   */
  ErasureRequest requestErasure(Actor actor, UUID subjectId);

  /**
   * One page of erasure requests, newest first.
   *
   * @param limit the page size, 1 to 200
   * @param cursor the {@link Page#nextCursor()} of the previous page, or null for the first
   * @throws ValidationException naming {@code limit} or {@code cursor}
   */
  Page<ErasureRequest> erasureRequests(Actor actor, int limit, String cursor);

  /** One erasure request. */
  ErasureRequest erasureRequest(Actor actor, UUID id);
}
