package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.DiscriminatorValue;
import javax.persistence.Entity;
import javax.persistence.PrimaryKeyJoinColumn;
import javax.persistence.Table;

/** A person party; a contact is a person with a contact-of relationship to an organization. */
@Entity
@Table(name = "crm_person")
@DiscriminatorValue("PERSON")
@PrimaryKeyJoinColumn(name = "party_id")
public class PersonEntity extends PartyEntity {
  @Column(name = "first_name", length = 100)
  String firstName;

  @Column(name = "last_name", nullable = false, length = 100)
  String lastName;

  @Column(name = "email", length = 254)
  String email;

  @Column(name = "phone", length = 40)
  String phone;

  /** When the person's personal data was erased (GDPR); null while it is held. */
  @Column(name = "erased_at")
  Instant erasedAt;
}
