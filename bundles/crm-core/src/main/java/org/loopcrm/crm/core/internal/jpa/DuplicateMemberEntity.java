package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member of a duplicate cluster. */
@Entity
@Table(name = "crm_duplicate_member")
public class DuplicateMemberEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "cluster_id", nullable = false, length = 36)
  String clusterId;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  @Column(name = "member_name", length = 200)
  String name;

  @Column(name = "score", nullable = false)
  double score;

  @Column(name = "match_rule", nullable = false, length = 10)
  String rule;
}
