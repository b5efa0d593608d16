package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An activity of a lead, scored by ACTIVITY rules. */
@Entity
@Table(name = "crm_lead_activity")
public class LeadActivityEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "lead_id", nullable = false, length = 36)
  String leadId;

  @Column(name = "kind", nullable = false, length = 40)
  String kind;

  @Column(name = "note", length = 2000)
  String note;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;
}
