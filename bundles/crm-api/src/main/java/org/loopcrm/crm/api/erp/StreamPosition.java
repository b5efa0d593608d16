package org.loopcrm.crm.api.erp;

import java.time.Instant;

/**
 * A polled stream and its watermark.
 *
 * @param erpSystem the ERP
 * @param stream the stream's name within it, e.g. {@code party}, {@code invoice}
 * @param watermark the last change applied
 * @param updatedAt when the watermark last moved, or null if it never did
 */
public record StreamPosition(
    String erpSystem, String stream, Watermark watermark, Instant updatedAt) {}
