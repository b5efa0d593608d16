package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CaseStatus;

/** One entry of a case's thread, also a source of the account's timeline. Only inserted. */
@Entity
@Table(name = "crm_case_event")
public class CaseEventEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "id", nullable = false, length = 36)
  String id;

  @Column(name = "case_id", nullable = false, length = 36)
  String caseId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  CaseEventKind kind;

  @Column(name = "timeline_kind", nullable = false, length = 60)
  String timelineKind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 30)
  CaseStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", length = 30)
  CaseStatus to;

  @Column(name = "body")
  String body;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Column(name = "occurred_at", nullable = false)
  Instant at;
}
