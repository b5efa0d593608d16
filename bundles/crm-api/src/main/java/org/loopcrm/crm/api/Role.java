package org.loopcrm.crm.api;

import java.util.Optional;

/** The CRM roles, as they are named in the Karaf JAAS realm. */
public enum Role {
  /** Full access, including administration. */
  CRM_ADMIN("crm-admin"),
  /** Manages sales and service: changes and archives records, reads everyone's audit trail. */
  CRM_MANAGER("crm-manager"),
  /** Works accounts and contacts, sees finance facts. */
  CRM_SALES("crm-sales"),
  /** Reads accounts, works contacts; no finance facts. */
  CRM_MARKETING("crm-marketing"),
  /** Reads accounts, works contacts; no finance facts. */
  CRM_SERVICE("crm-service"),
  /** Integration routes and ERP connectors: create and change records, see finance facts. */
  CRM_INTEGRATION("crm-integration"),
  /** The role of the first release: the same permissions as {@link #CRM_SALES}. */
  CRM_USER("crm-user"),
  /** Reads customer records; no finance facts. */
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
