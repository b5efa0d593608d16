package org.loopcrm.crm.api.erp;

import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.port.DocumentRef;

/**
 * Commands from the CRM to the ERP (sales, productions, projects), through the outbox: asking
 * stores the command and its event in one transaction, so a crash never loses one, and the
 * connector reports back how it went. Every change is audited.
 */
public interface ErpCommandService {

  /** The outbox event type that hands a command to the connectors; its aggregate is the command. */
  String REQUESTED = "erp.command.requested";

  /**
   * Asks for a document in the ERP. Idempotent by key: asking again with the same key for the same
   * account returns the first command, whatever its state.
   *
   * @param key the caller's idempotency key (1-100 characters), or null for a fresh command
   * @param erpSystem the ERP to ask, or null for the only one connected
   * @throws NotFoundException if the account is not there for the actor
   * @throws AccessDeniedException if the actor may not place ERP commands
   * @throws ValidationException if the request is incomplete (no lines, quantity not positive, ...)
   * @throws ConflictException if the key was used for a different request or the account is
   *     archived
   */
  ErpCommand request(
      Actor actor, UUID accountId, String key, String erpSystem, ErpCommandRequest request);

  /**
   * One command.
   *
   * @throws NotFoundException if there is no such command, or its account is not there for the
   *     actor
   */
  ErpCommand command(Actor actor, UUID commandId);

  /** The account's commands, newest first. */
  Page<ErpCommand> commands(Actor actor, UUID accountId, int limit, String cursor);

  /**
   * Hands a FAILED command to the connector again.
   *
   * @throws ConflictException unless it is FAILED
   */
  ErpCommand retry(Actor actor, UUID commandId);

  /**
   * The connector's report that the ERP made (or already had) the document. Reporting the same
   * document again changes nothing.
   *
   * @throws ConflictException if the command is DONE with another document
   */
  ErpCommand completed(Actor actor, UUID commandId, DocumentRef document);

  /**
   * The connector's report that the ERP refused the command.
   *
   * @throws ConflictException if the command is DONE already
   */
  ErpCommand failed(Actor actor, UUID commandId, String reason);
}
