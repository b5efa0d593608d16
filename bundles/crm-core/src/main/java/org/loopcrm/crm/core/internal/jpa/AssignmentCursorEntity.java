package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A round-robin rule's next turn, read under a row lock. */
@Entity
@Table(name = "crm_assignment_cursor")
public class AssignmentCursorEntity {
  @Id
  @Column(name = "rule_id", length = 36)
  String ruleId;

  @Column(name = "next_turn", nullable = false)
  long nextTurn;
}
