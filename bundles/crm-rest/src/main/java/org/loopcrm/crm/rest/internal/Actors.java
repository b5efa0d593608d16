package org.loopcrm.crm.rest.internal;

import java.util.EnumSet;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;

/** The actor of a request, from the security context {@link BasicAuthFilter} set. */
final class Actors {
  private Actors() {}

  static Actor of(SecurityContext sc) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (sc.isUserInRole(r.realmName())) {
        roles.add(r);
      }
    }
    return new Actor(sc.getUserPrincipal().getName(), roles, Actor.Channel.REST);
  }
}
