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
import org.loopcrm.crm.api.erp.DocumentKind;

/** One applied change of an ERP document: an entry of the account's timeline. Only inserted. */
@Entity
@Table(name = "crm_erp_document_change")
public class ErpDocumentChangeEntity {
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

  /** {@code <kind>.<state>} in lower case: the timeline item's kind, and what its filter sees. */
  @Column(name = "timeline_kind", nullable = false, length = 90)
  String timelineKind;

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

  @Column(name = "changed_at", nullable = false)
  Instant changedAt;

  @Column(name = "message_id", nullable = false, length = 100)
  String messageId;
}
