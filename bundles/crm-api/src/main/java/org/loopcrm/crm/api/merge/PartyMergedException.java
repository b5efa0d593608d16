package org.loopcrm.crm.api.merge;

import java.util.UUID;
import org.loopcrm.crm.api.NotFoundException;

/**
 * The party asked for was merged into another one: it is gone as a record of its own, and the
 * survivor is where its data lives now.
 */
public class PartyMergedException extends NotFoundException {
  private static final long serialVersionUID = 1L;
  private final transient UUID survivorId;

  /** Creates the exception for a merged party of a kind ("account", "contact"). */
  public PartyMergedException(String kind, UUID id, UUID survivorId) {
    super(kind + " " + id + " was merged into " + kind + " " + survivorId, true);
    this.survivorId = survivorId;
  }

  /** The party the merged one lives on in. */
  public UUID survivorId() {
    return survivorId;
  }
}
