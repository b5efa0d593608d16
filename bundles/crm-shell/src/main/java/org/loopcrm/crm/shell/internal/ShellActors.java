package org.loopcrm.crm.shell.internal;

import java.security.AccessController;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;

/**
 * The actor of a shell command: the session's JAAS user and roles. The container's own {@code
 * admin} role counts as {@code crm-admin} here, since whoever administers Karaf controls the CRM
 * anyway.
 */
final class ShellActors {
  private ShellActors() {}

  @SuppressWarnings("removal")
  static Actor current() {
    Subject subject = Subject.getSubject(AccessController.getContext());
    return of(subject == null ? Set.of() : subject.getPrincipals());
  }

  static Actor of(Set<Principal> principals) {
    String user = "unknown";
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Principal p : principals) {
      if (p instanceof UserPrincipal) {
        user = p.getName();
      } else if (p instanceof RolePrincipal) {
        if ("admin".equals(p.getName())) {
          roles.add(Role.CRM_ADMIN);
        }
        Role.fromRealmName(p.getName()).ifPresent(roles::add);
      }
    }
    return new Actor(user, roles, Actor.Channel.SHELL);
  }
}
