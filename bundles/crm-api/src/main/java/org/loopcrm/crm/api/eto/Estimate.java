package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The estimate of an engineering request: its cost lines, the cost per category, and the price the
 * margin makes of the cost ({@code price = cost × (100 + margin) / 100}).
 *
 * @param lines the cost lines
 * @param costByCategory the cost per category (every category, zero when it has no line)
 * @param cost the total cost
 * @param marginPercent the margin on cost, 0 to 1000
 * @param price the price of the whole quantity
 * @param estimatedBy who estimated
 * @param estimatedAt when
 */
public record Estimate(
    List<CostLine> lines,
    Map<CostCategory, BigDecimal> costByCategory,
    BigDecimal cost,
    BigDecimal marginPercent,
    BigDecimal price,
    String estimatedBy,
    Instant estimatedAt) {

  /** Copies the lines and totals. */
  public Estimate {
    lines = List.copyOf(lines);
    costByCategory = Map.copyOf(costByCategory);
  }
}
