package org.loopcrm.crm.api.cto;

import java.time.Instant;
import java.util.UUID;

/**
 * One revision of a product model.
 *
 * @param id the revision's id
 * @param revision 1 for the first, one more for each new revision of the code
 * @param status where the revision is in its life
 * @param definition what it says
 * @param version the optimistic version (the ETag)
 */
public record ProductModel(
    UUID id,
    int revision,
    ModelStatus status,
    ProductModelDefinition definition,
    long version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The model's code. */
  public String code() {
    return definition.code();
  }
}
