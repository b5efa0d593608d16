package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.party.MechanismKind;

/** A contact mechanism of a party, normalised; linked to its party by id (decisions.md §4). */
@Entity
@Table(name = "crm_contact_mechanism")
public class ContactMechanismEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 10)
  MechanismKind kind;

  @Column(name = "mech_value", length = 320)
  String value;

  @Column(name = "network", length = 40)
  String network;

  @Column(name = "street", length = 200)
  String street;

  @Column(name = "city", length = 100)
  String city;

  @Column(name = "postal_code", length = 20)
  String postalCode;

  @Column(name = "region", length = 100)
  String region;

  @Column(name = "country", length = 2)
  String country;

  /** Sorted, comma-separated purpose names. */
  @Column(name = "purposes", nullable = false, length = 200)
  String purposes;

  /** The kind when PRIMARY is a purpose, else null: unique per party. */
  @Enumerated(EnumType.STRING)
  @Column(name = "primary_kind", length = 10)
  MechanismKind primaryKind;

  @Column(name = "valid_from")
  LocalDate validFrom;

  @Column(name = "valid_thru")
  LocalDate validThru;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
