package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** What is known of a file attached to an engineering request; its bytes are kept apart. */
@Entity
@Table(name = "crm_eto_attachment")
public class EngineeringAttachmentEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Column(name = "request_id", nullable = false, length = 36)
  String requestId;

  @Column(name = "name", nullable = false, length = 255)
  String name;

  @Column(name = "content_type", nullable = false, length = 200)
  String contentType;

  @Column(name = "size_bytes", nullable = false)
  long size;

  @Column(name = "sha256", nullable = false, length = 64)
  String sha256;

  @Column(name = "uploaded_by", nullable = false, length = 100)
  String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  Instant uploadedAt;
}
