package org.loopcrm.crm.api.access;

import java.time.Instant;
import java.util.UUID;

/**
 * An explicit share: one record made visible to a user or a team beyond its owner's circle.
 *
 * @param id the share's id
 * @param recordType the kind of record, e.g. {@code account}
 * @param recordId the record's id
 * @param principalType whether {@code principal} names a user or a team
 * @param principal the user name or team name
 * @param access {@link RecordAccess#READ} or {@link RecordAccess#WRITE}
 * @param grantedBy who shared it (last)
 * @param grantedAt when
 */
public record Share(
    UUID id,
    String recordType,
    UUID recordId,
    PrincipalType principalType,
    String principal,
    RecordAccess access,
    String grantedBy,
    Instant grantedAt) {}
