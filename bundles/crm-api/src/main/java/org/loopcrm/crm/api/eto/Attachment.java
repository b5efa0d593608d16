package org.loopcrm.crm.api.eto;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to an engineering request (a drawing, a customer specification).
 *
 * @param id the id
 * @param name the file name
 * @param contentType the media type
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the content, lower-case hex
 * @param uploadedBy who attached it
 * @param uploadedAt when
 */
public record Attachment(
    UUID id,
    String name,
    String contentType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt) {}
