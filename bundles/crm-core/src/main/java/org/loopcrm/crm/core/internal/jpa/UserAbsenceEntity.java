package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A user's absence, from (included) to (excluded). */
@Entity
@Table(name = "crm_user_absence")
public class UserAbsenceEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Column(name = "starts_at", nullable = false)
  Instant from;

  @Column(name = "ends_at", nullable = false)
  Instant to;

  @Column(name = "reason", length = 200)
  String reason;
}
