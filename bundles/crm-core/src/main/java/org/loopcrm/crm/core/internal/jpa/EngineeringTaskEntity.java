package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** An engineering task, the ERP project's task on the win. */
@Entity
@Table(name = "crm_eto_task")
public class EngineeringTaskEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id", nullable = false)
  EngineeringRequestEntity request;

  @Column(name = "position", nullable = false)
  int position;

  @Column(name = "name", nullable = false, length = 200)
  String name;

  @Column(name = "effort_hours", precision = 9, scale = 2)
  BigDecimal effortHours;
}
