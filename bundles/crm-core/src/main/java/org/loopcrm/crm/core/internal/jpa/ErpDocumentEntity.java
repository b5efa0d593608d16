package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.erp.DocumentKind;

/**
 * The latest state of one ERP document of an account; (system, kind, document) is unique. The
 * version makes two changes of one document applied at once a conflict, so the later one is retried
 * and finds the state the other left.
 */
@Entity
@Table(name = "crm_erp_document")
public class ErpDocumentEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Column(name = "erp_system", nullable = false, length = 40)
  String erpSystem;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  DocumentKind kind;

  @Column(name = "document_ref", nullable = false, length = 64)
  String documentRef;

  @Column(name = "doc_number", length = 64)
  String number;

  @Column(name = "state", nullable = false, length = 40)
  String state;

  @Column(name = "amount", precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "currency", length = 3)
  String currency;

  @Column(name = "crm_ref", length = 100)
  String crmRef;

  @Column(name = "changed_at", nullable = false)
  Instant changedAt;

  @Column(name = "first_seen_at", nullable = false)
  Instant firstSeenAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
