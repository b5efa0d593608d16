package org.loopcrm.crm.rest.internal;

import java.util.UUID;
import org.loopcrm.crm.api.NotFoundException;

/** Path ids: a string that is no UUID names no record, so it is a 404 like any unknown id. */
final class Ids {
  private Ids() {}

  static UUID parse(String kind, String text) {
    try {
      UUID id = UUID.fromString(text);
      if (id.toString().equalsIgnoreCase(text)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new NotFoundException(kind, text);
  }
}
