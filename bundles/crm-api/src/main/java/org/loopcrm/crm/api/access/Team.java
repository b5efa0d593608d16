package org.loopcrm.crm.api.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team: users who see each other's records.
 *
 * @param id the team's id
 * @param name its unique name
 * @param members the user names of its members, sorted
 * @param version the optimistic-locking version
 * @param createdAt when it was created
 * @param updatedAt when its name or members last changed
 */
public record Team(
    UUID id,
    String name,
    List<String> members,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the members. */
  public Team {
    members = List.copyOf(members);
  }
}
