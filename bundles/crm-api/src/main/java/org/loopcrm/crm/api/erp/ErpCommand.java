package org.loopcrm.crm.api.erp;

import java.time.Instant;
import java.util.UUID;

/**
 * A command to the ERP and how far it got. It is stored together with an outbox event in one
 * transaction; the connector carries it out from that event (at least once) and the ERP side's
 * look-up by the command's id makes a second execution find the first document instead of making
 * another.
 *
 * @param id the command's id, also the idempotency key the ERP sees
 * @param accountId the account the document is for
 * @param erpSystem the ERP that carries it out, or null for the only one connected
 * @param key the caller's idempotency key: asking again with it returns this command
 * @param request what to create
 * @param status how far it got
 * @param documentRef the ERP document's id once {@link Status#DONE}
 * @param documentNumber the ERP document's number, if it has one
 * @param documentState the document's state when it was made
 * @param failure why the ERP refused it, when {@link Status#FAILED}
 * @param attempts how many times it was handed to the connector (1 + retries)
 * @param requestedBy who asked for it
 */
public record ErpCommand(
    UUID id,
    UUID accountId,
    String erpSystem,
    String key,
    ErpCommandRequest request,
    Status status,
    String documentRef,
    String documentNumber,
    String documentState,
    String failure,
    int attempts,
    String requestedBy,
    Instant requestedAt,
    Instant completedAt) {

  /** The life of a command; DONE is final, FAILED may be retried. */
  public enum Status {
    /** Stored, waiting for the connector. */
    PENDING,
    /** The ERP made (or already had) the document. */
    DONE,
    /** The ERP refused it; the reason is in {@code failure}. */
    FAILED
  }
}
