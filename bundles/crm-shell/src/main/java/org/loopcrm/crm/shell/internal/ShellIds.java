package org.loopcrm.crm.shell.internal;

import java.util.UUID;
import org.loopcrm.crm.api.NotFoundException;

/** Ids typed in the shell: a string that is no UUID names no record. */
final class ShellIds {
  private ShellIds() {}

  static UUID parse(String kind, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(kind, text);
    }
  }
}
