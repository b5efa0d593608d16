package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;

/** An explicit share of one record with a user or a team. */
@Entity
@Table(name = "crm_record_share")
public class RecordShareEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "record_type", nullable = false, length = 30)
  String recordType;

  @Column(name = "record_id", nullable = false, length = 36)
  String recordId;

  @Enumerated(EnumType.STRING)
  @Column(name = "principal_type", nullable = false, length = 10)
  PrincipalType principalType;

  @Column(name = "principal", nullable = false, length = 100)
  String principal;

  @Enumerated(EnumType.STRING)
  @Column(name = "access_level", nullable = false, length = 10)
  RecordAccess access;

  @Column(name = "granted_by", nullable = false, length = 100)
  String grantedBy;

  @Column(name = "granted_at", nullable = false)
  Instant grantedAt;
}
