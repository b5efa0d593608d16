package org.loopcrm.crm.api.dedupe;

import java.time.Instant;
import java.util.UUID;

/**
 * A background scan of all accounts and contacts for duplicates.
 *
 * @param id the scan's id
 * @param status running, done or failed
 * @param startedBy the user who started it
 * @param startedAt when it started
 * @param finishedAt when it finished, or null while running
 * @param records how many records it compared (0 while running)
 * @param comparisons how many pair comparisons it made
 * @param clusters how many open clusters it stored
 * @param error why it failed, or null
 */
public record DuplicateScan(
    UUID id,
    ScanStatus status,
    String startedBy,
    Instant startedAt,
    Instant finishedAt,
    long records,
    long comparisons,
    int clusters,
    String error) {}
