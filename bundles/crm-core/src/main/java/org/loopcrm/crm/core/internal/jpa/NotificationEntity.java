package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A notification to one user; {@link #sourceKey} is unique, so a cause notifies once. */
@Entity
@Table(name = "crm_notification")
public class NotificationEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "notification_id", nullable = false, length = 36, unique = true)
  String notificationId;

  @Column(name = "user_name", nullable = false, length = 100)
  String user;

  @Column(name = "text", nullable = false, length = 500)
  String text;

  @Column(name = "record_type", nullable = false, length = 40)
  String recordType;

  @Column(name = "record_id", nullable = false, length = 36)
  String recordId;

  @Column(name = "source_key", nullable = false, length = 120, unique = true)
  String sourceKey;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "read_at")
  Instant readAt;
}
