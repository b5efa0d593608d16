package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A participant of an activity: a contact or a user, linked by the activity's sequence number. */
@Entity
@Table(name = "crm_activity_participant")
@IdClass(ActivityParticipantEntity.Key.class)
public class ActivityParticipantEntity {
  @Id
  @Column(name = "activity_seq")
  Long activitySeq;

  @Id
  @Column(name = "participant_index")
  Integer index;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "user_name", length = 100)
  String user;

  /** The composite key: activity and position of the participant within it. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long activitySeq;
    Integer index;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(activitySeq, k.activitySeq)
          && Objects.equals(index, k.index);
    }

    @Override
    public int hashCode() {
      return Objects.hash(activitySeq, index);
    }
  }
}
