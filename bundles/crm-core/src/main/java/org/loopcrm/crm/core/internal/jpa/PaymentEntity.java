package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One payment an account made, as the ERP told it: the timeline shows it. Only inserted. */
@Entity
@Table(name = "crm_payment")
public class PaymentEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "party_id", nullable = false, length = 36)
  String partyId;

  @Column(name = "erp_system", nullable = false, length = 40)
  String erpSystem;

  @Column(name = "payment_ref", nullable = false, length = 64)
  String paymentRef;

  @Column(name = "invoice_number", length = 64)
  String invoiceNumber;

  @Column(name = "amount", nullable = false, precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "currency", nullable = false, length = 3)
  String currency;

  @Column(name = "received_at", nullable = false)
  Instant receivedAt;

  @Column(name = "message_id", nullable = false, length = 100)
  String messageId;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;
}
