package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A user's membership of a team. */
@Entity
@Table(name = "crm_team_member")
@IdClass(TeamMemberEntity.Key.class)
public class TeamMemberEntity {
  @Id
  @Column(name = "team_id", length = 36)
  String teamId;

  @Id
  @Column(name = "user_name", length = 100)
  String userName;

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String teamId;
    String userName;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(teamId, k.teamId)
          && Objects.equals(userName, k.userName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(teamId, userName);
    }
  }
}
