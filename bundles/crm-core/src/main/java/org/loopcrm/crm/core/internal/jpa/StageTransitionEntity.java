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
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.lifecycle.TransitionCause;

/** One change of an account's lifecycle stage. Only inserted. */
@Entity
@Table(name = "crm_stage_transition")
public class StageTransitionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_stage", length = 20)
  LifecycleStage from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_stage", nullable = false, length = 20)
  LifecycleStage to;

  @Column(name = "occurred_at", nullable = false)
  Instant at;

  @Enumerated(EnumType.STRING)
  @Column(name = "cause", nullable = false, length = 20)
  TransitionCause cause;

  @Column(name = "rule_text", length = 300)
  String rule;

  @Column(name = "facts", length = 300)
  String facts;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Enumerated(EnumType.STRING)
  @Column(name = "via", nullable = false, length = 20)
  Actor.Channel channel;
}
