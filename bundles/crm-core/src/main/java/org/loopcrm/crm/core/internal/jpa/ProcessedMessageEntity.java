package org.loopcrm.crm.core.internal.jpa;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** An inbound message whose effect is committed: its id per consumer, written with the effect. */
@Entity
@Table(name = "crm_processed_message")
@IdClass(ProcessedMessageEntity.Key.class)
public class ProcessedMessageEntity {
  @Id
  @Column(name = "consumer", length = 60)
  String consumer;

  @Id
  @Column(name = "message_id", length = 100)
  String messageId;

  @Column(name = "processed_at", nullable = false)
  Instant processedAt;

  /** The composite key. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    String consumer;
    String messageId;

    public Key() {}

    Key(String consumer, String messageId) {
      this.consumer = consumer;
      this.messageId = messageId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(consumer, k.consumer)
          && Objects.equals(messageId, k.messageId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(consumer, messageId);
    }
  }
}
