package org.loopcrm.crm.api.eto;

/**
 * An attachment with its bytes.
 *
 * @param attachment what is known about it
 * @param bytes the content
 */
public record AttachmentContent(Attachment attachment, byte[] bytes) {}
