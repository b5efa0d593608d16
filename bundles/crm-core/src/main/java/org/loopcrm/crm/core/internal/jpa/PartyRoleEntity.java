package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import org.loopcrm.crm.api.party.RoleType;

/** A role a party plays from one day through another. */
@Entity
@Table(name = "crm_party_role")
public class PartyRoleEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "role_type", nullable = false, length = 20)
  RoleType role;

  @Column(name = "from_date", nullable = false)
  LocalDate fromDate;

  @Column(name = "thru_date")
  LocalDate thruDate;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
