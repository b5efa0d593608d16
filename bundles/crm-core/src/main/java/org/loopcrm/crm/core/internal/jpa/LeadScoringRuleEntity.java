package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A lead-scoring rule. */
@Entity
@Table(name = "crm_lead_scoring_rule")
public class LeadScoringRuleEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "name", nullable = false, length = 100)
  String name;

  @Column(name = "field_name", length = 40)
  String field;

  @Column(name = "operator", length = 10)
  String operator;

  @Column(name = "operands", length = 2000)
  String operands;

  @Column(name = "activity_kind", length = 40)
  String activityKind;

  @Column(name = "points", nullable = false)
  int points;

  @Column(name = "half_life_days")
  Integer halfLifeDays;

  @Column(name = "active", nullable = false)
  boolean active;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
