package org.loopcrm.crm.api.dedupe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records a scan found to be probably one party.
 *
 * @param id the cluster's id
 * @param kind {@code account} or {@code contact}
 * @param status the review state
 * @param score the best pair score in the cluster
 * @param members two or more records, best score first
 * @param scanId the scan that found it
 * @param version the optimistic-locking version
 * @param createdAt when the scan stored it
 * @param reviewedBy who dismissed or merged it, or null
 * @param reviewedAt when, or null
 */
public record DuplicateCluster(
    UUID id,
    String kind,
    ClusterStatus status,
    double score,
    List<ClusterMember> members,
    UUID scanId,
    long version,
    Instant createdAt,
    String reviewedBy,
    Instant reviewedAt) {}
