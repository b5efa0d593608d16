package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A component of a BOM revision, per produced unit. */
@Entity
@Table(name = "crm_eto_bom_line")
public class EngineeringBomLineEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "bom_id", nullable = false)
  EngineeringBomEntity bom;

  @Column(name = "position", nullable = false)
  int position;

  @Column(name = "product_code", nullable = false, length = 100)
  String productCode;

  @Column(name = "quantity", nullable = false, precision = 19, scale = 4)
  BigDecimal quantity;
}
