package org.loopcrm.crm.core.internal.jpa;

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
import org.loopcrm.crm.api.erp.ErpCommand;

/**
 * A command to the ERP and how far it got; (account, key) is unique. The version makes two reports
 * of one command (a redelivered event carried out twice) a conflict, so the later one is retried
 * and finds the state the other left.
 */
@Entity
@Table(name = "crm_erp_command")
public class ErpCommandEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "command_id", nullable = false, length = 36)
  String commandId;

  @Column(name = "account_id", nullable = false, length = 36)
  String accountId;

  /** The opportunity it was placed for, or null. */
  @Column(name = "opportunity_id", length = 36)
  String opportunityId;

  @Column(name = "erp_system", length = 40)
  String erpSystem;

  @Column(name = "idem_key", nullable = false, length = 100)
  String key;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  DocumentKind kind;

  /** A CLOB/TEXT column read as a string (no {@code @Lob}: it would be an OID on PostgreSQL). */
  @Column(name = "request", nullable = false)
  String request;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  ErpCommand.Status status;

  @Column(name = "document_ref", length = 64)
  String documentRef;

  @Column(name = "doc_number", length = 64)
  String documentNumber;

  @Column(name = "doc_state", length = 40)
  String documentState;

  @Column(name = "failure", length = 2000)
  String failure;

  @Column(name = "attempts", nullable = false)
  int attempts;

  @Column(name = "requested_by", nullable = false, length = 100)
  String requestedBy;

  @Column(name = "requested_at", nullable = false)
  Instant requestedAt;

  @Column(name = "completed_at")
  Instant completedAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
