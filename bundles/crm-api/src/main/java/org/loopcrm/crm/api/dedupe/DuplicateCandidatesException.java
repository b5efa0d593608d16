package org.loopcrm.crm.api.dedupe;

import java.util.List;
import org.loopcrm.crm.api.ConflictException;

/** A create or update was refused because its draft has duplicate candidates (mode block). */
public class DuplicateCandidatesException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** The candidates, best first. */
  @SuppressWarnings("serial")
  private final List<DuplicateCandidate> candidates;

  /** Creates the exception. */
  public DuplicateCandidatesException(String message, List<DuplicateCandidate> candidates) {
    super(message);
    this.candidates = List.copyOf(candidates);
  }

  /** The candidates, best first. */
  public List<DuplicateCandidate> candidates() {
    return candidates;
  }
}
