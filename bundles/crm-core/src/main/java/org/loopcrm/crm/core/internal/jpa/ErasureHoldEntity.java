package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.loopcrm.crm.api.privacy.LegalHoldKind;

/** One legal hold that refused an erasure request, linked by the request's sequence number. */
@Entity
@Immutable
@Table(name = "crm_erasure_hold")
@IdClass(ErasureHoldEntity.Key.class)
public class ErasureHoldEntity {
  @Id
  @Column(name = "request_seq")
  Long requestSeq;

  @Id
  @Column(name = "hold_index")
  Integer index;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 30)
  LegalHoldKind kind;

  @Column(name = "reason", nullable = false, length = 1000)
  String reason;

  @Column(name = "amount", precision = 19, scale = 4)
  BigDecimal amount;

  @Column(name = "currency", length = 3)
  String currency;

  @Column(name = "source", nullable = false, length = 60)
  String source;

  /** The composite key: request and position of the hold within it. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long requestSeq;
    Integer index;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(requestSeq, k.requestSeq)
          && Objects.equals(index, k.index);
    }

    @Override
    public int hashCode() {
      return Objects.hash(requestSeq, index);
    }
  }
}
