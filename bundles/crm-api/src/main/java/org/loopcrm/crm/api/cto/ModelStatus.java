package org.loopcrm.crm.api.cto;

/** The life of a product model revision: drafted, released for sale, retired. */
public enum ModelStatus {
  /** Being edited; may be configured for a try, never saved into a configuration. */
  DRAFT,
  /** Sold: configurations are saved against it; immutable. */
  RELEASED,
  /** No longer sold; configurations saved earlier keep their snapshot. */
  RETIRED;

  /** Whether a revision in this status may move to {@code next}. */
  public boolean canMoveTo(ModelStatus next) {
    return switch (this) {
      case DRAFT -> next == RELEASED;
      case RELEASED -> next == RETIRED;
      case RETIRED -> false;
    };
  }
}
