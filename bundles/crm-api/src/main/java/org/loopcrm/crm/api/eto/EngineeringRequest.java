package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.erp.ErpCommand;

/**
 * The engineering request of an ENGINEER_TO_ORDER opportunity.
 *
 * @param id the id
 * @param opportunityId its opportunity
 * @param accountId the opportunity's account
 * @param productCode the ERP product to produce, or null while not known
 * @param quantity how many
 * @param specification the requirements, or null
 * @param status where it stands
 * @param feasibility engineering's decision, or null while undecided
 * @param estimate the estimate, or null while not estimated
 * @param tasks the engineering tasks (the ERP project's tasks)
 * @param boms the BOM revisions, oldest first
 * @param attachments the attached files, oldest first
 * @param quoteId the last quote made from the estimate, or null
 * @param projectCommandId the ERP project command placed on the win, or null
 * @param projectCommand that command's state, or null
 * @param productionCommandId the ERP production command of the released BOM, or null
 * @param productionCommand that command's state, or null
 * @param version the optimistic version (the ETag)
 * @param createdBy who opened it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record EngineeringRequest(
    UUID id,
    UUID opportunityId,
    UUID accountId,
    String productCode,
    BigDecimal quantity,
    String specification,
    EngineeringStatus status,
    FeasibilityDecision feasibility,
    Estimate estimate,
    List<EngineeringTask> tasks,
    List<Bom> boms,
    List<Attachment> attachments,
    UUID quoteId,
    UUID projectCommandId,
    ErpCommand.Status projectCommand,
    UUID productionCommandId,
    ErpCommand.Status productionCommand,
    long version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the lists. */
  public EngineeringRequest {
    tasks = List.copyOf(tasks);
    boms = List.copyOf(boms);
    attachments = List.copyOf(attachments);
  }
}
