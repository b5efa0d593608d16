package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** What the CRM keeps of a user: whom they report to. */
@Entity
@Table(name = "crm_user_profile")
public class UserProfileEntity {
  @Id
  @Column(name = "user_name", length = 100)
  String userName;

  /** The id the profile's audit history is kept under. */
  @Column(name = "id", nullable = false, length = 36)
  String id;

  @Column(name = "manager", length = 100)
  String manager;

  /** The most open records of one kind the assignment rules give the user; null: no limit. */
  @Column(name = "capacity")
  Integer capacity;

  /** The user's skills, sorted and comma-separated, or null. */
  @Column(name = "skills", length = 1000)
  String skills;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
