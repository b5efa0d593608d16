package org.loopcrm.crm.api.eto;

import java.time.Instant;
import java.util.List;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * A revision of the engineering BOM of the product a request is for.
 *
 * @param revision 1, 2, ...
 * @param status where it stands
 * @param lines the components, quantities per produced unit
 * @param createdBy who made it
 * @param createdAt when
 * @param releasedBy who released it, or null
 * @param releasedAt when, or null
 */
public record Bom(
    int revision,
    BomStatus status,
    List<BomLine> lines,
    String createdBy,
    Instant createdAt,
    String releasedBy,
    Instant releasedAt) {

  /** Copies the lines. */
  public Bom {
    lines = List.copyOf(lines);
  }
}
