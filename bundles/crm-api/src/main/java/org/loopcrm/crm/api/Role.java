package org.loopcrm.crm.api;

import java.util.Optional;

/** The CRM roles, as they are named in the Karaf JAAS realm. */
public enum Role {
  /** Full access, including administration. */
  CRM_ADMIN("crm-admin"),
  /** Reads and writes customer records. */
  CRM_USER("crm-user"),
  /** Reads customer records. */
  CRM_VIEWER("crm-viewer");

  private final String realmName;

  Role(String realmName) {
    this.realmName = realmName;
  }

  /** The role's name in the JAAS realm, e.g. {@code crm-admin}. */
  public String realmName() {
    return realmName;
  }

  /** The role with the given realm name, if it is a CRM role. */
  public static Optional<Role> fromRealmName(String name) {
    for (Role r : values()) {
      if (r.realmName.equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
