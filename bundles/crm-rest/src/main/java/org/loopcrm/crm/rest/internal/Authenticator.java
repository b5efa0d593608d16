package org.loopcrm.crm.rest.internal;

import java.util.Optional;
import org.loopcrm.crm.api.Actor;

/** Checks a user's credentials and says who they are. */
interface Authenticator {
  /** The REST actor for valid credentials, or empty. */
  Optional<Actor> authenticate(String user, char[] password);
}
