package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;
import javax.persistence.Version;

/** How far the poller of one ERP stream has read; written with the effect of what it read. */
@Entity
@Table(name = "crm_erp_watermark")
@IdClass(ErpWatermarkEntity.Key.class)
public class ErpWatermarkEntity {
  @Id
  @Column(name = "erp_system", length = 40)
  String erpSystem;

  @Id
  @Column(name = "stream", length = 60)
  String stream;

  @Column(name = "changed_at", nullable = false)
  Instant changedAt;

  @Column(name = "last_id", nullable = false)
  long lastId;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  /** Two pollers of one stream (two nodes) cannot both move it: one gets a conflict. */
  @Version
  @Column(name = "version", nullable = false)
  long version;

  /** The composite key. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String erpSystem;
    String stream;

    public Key() {}

    Key(String erpSystem, String stream) {
      this.erpSystem = erpSystem;
      this.stream = stream;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(erpSystem, k.erpSystem)
          && Objects.equals(stream, k.stream);
    }

    @Override
    public int hashCode() {
      return Objects.hash(erpSystem, stream);
    }
  }
}
