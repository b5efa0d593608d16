package org.loopcrm.crm.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** The security context {@link BasicAuthFilter} would set, for one user with one realm role. */
final class TestSecurity {
  private TestSecurity() {}

  static SecurityContext as(String user, String role) {
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return () -> user;
      }

      @Override
      public boolean isUserInRole(String r) {
        return r.equals(role);
      }

      @Override
      public boolean isSecure() {
        return false;
      }

      @Override
      public String getAuthenticationScheme() {
        return BASIC_AUTH;
      }
    };
  }
}
