package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;

/**
 * The columns an opportunity line and a quote line share; {@link PricedLines} keeps their rules.
 */
@MappedSuperclass
public abstract class PricedLineColumns {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "position", nullable = false)
  int position;

  @Column(name = "product_code", nullable = false, length = 100)
  String productCode;

  @Column(name = "description", length = 500)
  String description;

  @Column(name = "quantity", nullable = false, precision = 19, scale = 4)
  BigDecimal quantity;

  @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
  BigDecimal unitPrice;

  @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
  BigDecimal discountPercent;

  @Column(name = "total", nullable = false, precision = 19, scale = 2)
  BigDecimal total;

  @Column(name = "configuration_id", length = 36)
  String configurationId;
}
