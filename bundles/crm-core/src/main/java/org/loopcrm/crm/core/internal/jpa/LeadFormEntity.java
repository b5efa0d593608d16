package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A web-to-lead form. */
@Entity
@Table(name = "crm_lead_form")
public class LeadFormEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "form_key", nullable = false, length = 64)
  String key;

  @Column(name = "name", nullable = false, length = 100)
  String name;

  @Column(name = "enabled", nullable = false)
  boolean enabled;

  @Column(name = "allowed_fields", nullable = false, length = 500)
  String allowedFields;

  @Column(name = "consent_purpose", length = 30)
  String consentPurpose;

  @Column(name = "consent_text", length = 2000)
  String consentText;

  @Column(name = "consent_text_version", length = 50)
  String consentTextVersion;

  @Column(name = "redirect_url", length = 500)
  String redirectUrl;

  @Column(name = "rate_per_minute", nullable = false)
  int ratePerMinute;

  @Column(name = "honeypot_field", length = 50)
  String honeypotField;

  @Column(name = "source", nullable = false, length = 50)
  String source;

  @Column(name = "campaign", length = 100)
  String campaign;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
