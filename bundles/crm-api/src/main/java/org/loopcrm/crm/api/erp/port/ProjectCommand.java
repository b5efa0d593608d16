package org.loopcrm.crm.api.erp.port;

import java.util.List;
import java.util.Objects;

/**
 * Create a project for a customer.
 *
 * @param idempotencyKey unique per intended project; at most one is made per key
 * @param customerRef the party in the ERP
 * @param name the project's name
 * @param tasks its tasks, possibly empty
 * @param reference a reference shown in the ERP (the opportunity number), or null
 */
public record ProjectCommand(
    String idempotencyKey,
    String customerRef,
    String name,
    List<ProjectTask> tasks,
    String reference) {

  /** Checks the keys and copies the tasks. */
  public ProjectCommand {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(customerRef, "customerRef");
    Objects.requireNonNull(name, "name");
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }
}
