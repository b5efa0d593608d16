package org.loopcrm.crm.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The bytes of an attachment, read only when asked for. A BLOB on H2 and a BYTEA on PostgreSQL,
 * read as bytes (no {@code @Lob}: it would be an OID on PostgreSQL).
 */
@Entity
@Table(name = "crm_eto_attachment_content")
public class EngineeringAttachmentContentEntity {
  @Id
  @Column(name = "attachment_id", length = 36)
  String attachmentId;

  @Column(name = "content", nullable = false)
  byte[] content;
}
