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
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentStatus;

/**
 * One consent decision. Only inserted; erasure blanks {@link #evidence} with a bulk update, the one
 * change a decision ever gets.
 */
@Entity
@Table(name = "crm_consent_decision")
public class ConsentDecisionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "decision_id", nullable = false, length = 36, unique = true)
  String decisionId;

  @Column(name = "subject_id", nullable = false, length = 36)
  String subjectId;

  @Column(name = "purpose", nullable = false, length = 40)
  String purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "consent_channel", nullable = false, length = 20)
  ConsentChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  ConsentStatus status;

  @Column(name = "source", nullable = false, length = 100)
  String source;

  @Column(name = "evidence", length = 1000)
  String evidence;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Enumerated(EnumType.STRING)
  @Column(name = "via", nullable = false, length = 20)
  Actor.Channel via;

  @Column(name = "decided_at", nullable = false)
  Instant decidedAt;

  /** The contact mechanism the decision was given for, or null (since 0007). */
  @Column(name = "mechanism_id", length = 36)
  String mechanismId;
}
