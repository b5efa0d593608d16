package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A line of an opportunity. */
@Entity
@Table(name = "crm_opportunity_line")
public class OpportunityLineEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "opportunity_id", nullable = false)
  OpportunityEntity opportunity;

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
