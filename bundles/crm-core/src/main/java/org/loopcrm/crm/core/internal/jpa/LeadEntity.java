package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.lead.LeadStatus;

/** A lead; see decisions.md §30. */
@Entity
@Table(name = "crm_lead")
public class LeadEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  LeadStatus status;

  @Column(name = "disqualified_reason", length = 500)
  String disqualifiedReason;

  @Column(name = "first_name", length = 100)
  String firstName;

  @Column(name = "last_name", length = 100)
  String lastName;

  @Column(name = "company", length = 200)
  String company;

  @Column(name = "title", length = 100)
  String title;

  @Column(name = "email", length = 254)
  String email;

  @Column(name = "email_key", length = 254)
  String emailKey;

  @Column(name = "name_key", length = 320)
  String nameKey;

  @Column(name = "phone", length = 50)
  String phone;

  @Column(name = "country", length = 2)
  String country;

  @Column(name = "region", length = 100)
  String region;

  @Column(name = "postcode", length = 20)
  String postcode;

  @Column(name = "industry", length = 100)
  String industry;

  @Column(name = "employees")
  Integer employees;

  @Column(name = "source", length = 50)
  String source;

  @Column(name = "campaign", length = 100)
  String campaign;

  @Column(name = "owner_user", nullable = false, length = 100)
  String owner;

  @Column(name = "consent_purpose", length = 30)
  String consentPurpose;

  @Column(name = "consent_text_version", length = 50)
  String consentTextVersion;

  @Column(name = "consent_at")
  Instant consentAt;

  @Column(name = "consent_ip", length = 45)
  String consentIp;

  @Column(name = "score", nullable = false)
  int score;

  @Column(name = "scored_at")
  Instant scoredAt;

  @Column(name = "duplicates", nullable = false)
  String duplicates;

  @Column(name = "form_key", length = 64)
  String formKey;

  @Column(name = "account_id", length = 36)
  String accountId;

  @Column(name = "contact_id", length = 36)
  String contactId;

  @Column(name = "opportunity_id", length = 36)
  String opportunityId;

  @Column(name = "converted_at")
  Instant convertedAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
