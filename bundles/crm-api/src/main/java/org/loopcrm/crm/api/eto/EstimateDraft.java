package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An estimate as entered.
 *
 * @param lines the cost lines, at least one
 * @param marginPercent the margin on cost, 0 to 1000
 */
public record EstimateDraft(List<CostLine> lines, BigDecimal marginPercent) {

  /** Copies the lines (nulls kept, to be refused by name); null is none. */
  public EstimateDraft {
    lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
  }
}
