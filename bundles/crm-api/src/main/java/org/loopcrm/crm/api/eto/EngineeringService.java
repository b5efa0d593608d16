package org.loopcrm.crm.api.eto;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.quote.Quote;

/**
 * Engineering requests. An ENGINEER_TO_ORDER opportunity opens its request when it is created; the
 * request follows the opportunity's account: whoever may read (change) the account may read
 * (change) the request. Winning the opportunity commands the ERP project with the engineering
 * tasks; releasing a BOM of a won request (or winning one with a released BOM) commands the
 * production from it. Both commands go through the outbox in the transaction that causes them.
 *
 * <p>Changes name the version read. Throws {@link org.loopcrm.crm.api.ValidationException}, {@link
 * org.loopcrm.crm.api.NotFoundException}, {@link org.loopcrm.crm.api.StaleVersionException}, {@link
 * org.loopcrm.crm.api.ConflictException} for steps that make no sense in the request's status, and
 * {@link org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface EngineeringService {

  /** The largest attachment accepted, in bytes (10 MiB). */
  long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

  /** One request. */
  EngineeringRequest get(Actor actor, UUID id);

  /** The request of an opportunity. */
  EngineeringRequest ofOpportunity(Actor actor, UUID opportunityId);

  /** Replaces what is to be engineered, while the request is open. */
  EngineeringRequest specify(Actor actor, UUID id, long expectedVersion, SpecificationDraft draft);

  /** Attaches a file (at most {@link #MAX_ATTACHMENT_BYTES}). */
  Attachment attach(Actor actor, UUID id, String name, String contentType, byte[] content);

  /** The attachments, oldest first. */
  List<Attachment> attachments(Actor actor, UUID id);

  /** One attachment with its bytes. */
  AttachmentContent attachment(Actor actor, UUID id, UUID attachmentId);

  /** Removes an attachment of an open request. */
  void detach(Actor actor, UUID id, UUID attachmentId);

  /** Records engineering's feasibility decision (crm-admin, crm-manager). */
  EngineeringRequest decideFeasibility(
      Actor actor, UUID id, long expectedVersion, Feasibility verdict, String note);

  /** Replaces the estimate of a request judged feasible: ESTIMATED. */
  EngineeringRequest estimate(Actor actor, UUID id, long expectedVersion, EstimateDraft draft);

  /** Replaces the engineering tasks, before the win. */
  EngineeringRequest planTasks(
      Actor actor, UUID id, long expectedVersion, List<EngineeringTask> tasks);

  /** Adds a DRAFT BOM revision; an older DRAFT is superseded. */
  EngineeringRequest addBom(Actor actor, UUID id, long expectedVersion, List<BomLine> lines);

  /**
   * Releases a DRAFT BOM revision (crm-admin, crm-manager); the released one before it is
   * superseded. If the opportunity is won, the ERP production is commanded from it.
   */
  EngineeringRequest releaseBom(Actor actor, UUID id, long expectedVersion, int revision);

  /**
   * Quotes the estimate: a quote of the opportunity with one line, the product and quantity at the
   * estimate's price divided by the quantity. The request becomes QUOTED.
   */
  Quote quote(Actor actor, UUID id, long expectedVersion);
}
