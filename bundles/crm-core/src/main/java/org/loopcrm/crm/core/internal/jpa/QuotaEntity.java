package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A sales quota of a user or a team for a period. */
@Entity
@Table(name = "crm_quota")
public class QuotaEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "user_name", length = 100)
  String userName;

  @Column(name = "team_id", length = 36)
  String teamId;

  @Column(name = "period_key", nullable = false, length = 7)
  String period;

  @Column(name = "amount", nullable = false, precision = 19, scale = 2)
  BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  String updatedBy;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
