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
import org.hibernate.annotations.Immutable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.privacy.ErasureStatus;

/** An erasure request and its outcome; written once, with its holds, never changed. */
@Entity
@Immutable
@Table(name = "crm_erasure_request")
public class ErasureRequestEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "request_id", nullable = false, length = 36, unique = true)
  String requestId;

  @Column(name = "subject_id", nullable = false, length = 36)
  String subjectId;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Enumerated(EnumType.STRING)
  @Column(name = "via", nullable = false, length = 20)
  Actor.Channel via;

  @Column(name = "requested_at", nullable = false)
  Instant requestedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  ErasureStatus status;
}
