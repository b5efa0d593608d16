package org.loopcrm.crm.api.erp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Applies facts from the ERP. Each fact's message id is recorded in the same transaction as its
 * effect, so a fact delivered twice changes the CRM once. Pollers store their watermark in that
 * same transaction too, so a crash between "applied" and "remembered" cannot happen.
 *
 * <p>Every method here acts as the integration (the routes' own identity), except those that take
 * an {@link Actor}: they are for administrators and are checked and audited.
 */
public interface ErpFactService {

  /**
   * Adds a posted invoice to its account's receivables snapshot.
   *
   * @throws NotFoundException if no account has the invoice's customer reference
   */
  ApplyOutcome applyInvoicePosted(InvoicePosted fact);

  /**
   * Applies any canonical fact: {@link InvoicePosted}, {@link PaymentReceived}, {@link
   * ReceivableBalance}, {@link DocumentChanged} or {@link PartyChanged}.
   *
   * @throws NotFoundException if no account is linked to the fact's customer reference
   * @throws ValidationException if the fact contradicts what the account holds (another currency)
   */
  ApplyOutcome apply(ErpFact fact);

  /**
   * Applies a polled fact and moves the stream's watermark to {@code advanceTo} in the same
   * transaction. A duplicate still moves the watermark.
   *
   * @throws NotFoundException as {@link #apply(ErpFact)}; the watermark then stays where it was
   */
  ApplyOutcome apply(ErpFact fact, String stream, Watermark advanceTo);

  /**
   * Moves a stream's watermark past rows that carry nothing for the CRM (a party no account is
   * linked to, say). It never moves a watermark backwards; see {@link #rewind}.
   */
  void advance(String erpSystem, String stream, Watermark to);

  /** Where a stream's poller stands; {@link Watermark#ORIGIN} for a stream never polled. */
  Watermark watermark(String erpSystem, String stream);

  /** Every stream's position, for operations. */
  List<StreamPosition> streams();

  /**
   * Every stream's position, as a person sees it (REST, shell).
   *
   * @throws AccessDeniedException unless the actor administers the CRM or the integration
   */
  List<StreamPosition> streams(Actor actor);

  /**
   * Sets a stream's watermark back (or anywhere), so its poller reads again from there: facts read
   * twice have no second effect. Audited.
   *
   * @throws AccessDeniedException unless the actor administers the CRM
   */
  StreamPosition rewind(Actor actor, String erpSystem, String stream, Watermark to);

  /**
   * Records that the connector wrote an account to the ERP: sets the account's ERP reference and
   * its external reference for the system when it has none, and remembers the account version
   * written, so a later ERP change can tell whether the CRM changed the account meanwhile.
   *
   * @throws NotFoundException if the account is not there
   * @throws org.loopcrm.crm.api.ConflictException if the ERP reference is another account's
   */
  void recordPushed(String erpSystem, UUID accountId, String erpRef, long accountVersion);

  /**
   * The account's customer reference in the ERP, if the ERP holds this version of the account
   * already: the connector wrote it, or it is the version an ERP change left, and no write-back is
   * pending. A connector need not write such an account again; writing it would echo the ERP's own
   * change back and could overwrite a newer one. An implementation that keeps no such record
   * answers empty (always write).
   */
  default Optional<String> agreedRef(String erpSystem, UUID accountId, long accountVersion) {
    return Optional.empty();
  }
}
