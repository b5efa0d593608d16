package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A line of an opportunity. */
@Entity
@Table(name = "crm_opportunity_line")
public class OpportunityLineEntity extends PricedLineColumns {
  @ManyToOne(optional = false)
  @JoinColumn(name = "opportunity_id", nullable = false)
  OpportunityEntity opportunity;
}
