package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import org.loopcrm.crm.api.eto.CostCategory;

/** A cost line of an engineering estimate. */
@Entity
@Table(name = "crm_eto_cost_line")
public class EngineeringCostLineEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id", nullable = false)
  EngineeringRequestEntity request;

  @Column(name = "position", nullable = false)
  int position;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false, length = 20)
  CostCategory category;

  @Column(name = "description", nullable = false, length = 500)
  String description;

  @Column(name = "quantity", nullable = false, precision = 19, scale = 4)
  BigDecimal quantity;

  @Column(name = "unit_cost", nullable = false, precision = 19, scale = 4)
  BigDecimal unitCost;
}
