package org.loopcrm.crm.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs a service call, with which roles, through which channel. Every service takes one and
 * decides there (not in REST) what the caller may do.
 *
 * @param user the authenticated user name
 * @param roles the CRM roles the user holds (see {@link Role})
 * @param channel how the call came in
 */
public record Actor(String user, Set<Role> roles, Channel channel) {

  /** Validates and copies the roles. */
  public Actor {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    roles = Set.copyOf(roles);
  }

  /**
   * The actor of integration routes ({@code crm-integration}): reads and writes, never administers.
   */
  public static Actor system(String name) {
    return new Actor(name, Set.of(Role.CRM_INTEGRATION), Channel.ROUTE);
  }

  /** Whether the actor holds the role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the actor holds any CRM role, so may read records at all. */
  public boolean canRead() {
    return !roles.isEmpty();
  }

  /** The channel a call came through, recorded with what it changed. */
  public enum Channel {
    /** The REST API. */
    REST,
    /** A Karaf shell command. */
    SHELL,
    /** An integration route. */
    ROUTE,
    /** A record plugin. */
    PLUGIN,
    /** The CRM itself, e.g. the demo-data loader. */
    SYSTEM
  }
}
