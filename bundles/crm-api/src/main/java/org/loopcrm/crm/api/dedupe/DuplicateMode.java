package org.loopcrm.crm.api.dedupe;

/** What a create or update does when its draft has duplicate candidates. */
public enum DuplicateMode {
  /** No check. */
  OFF,
  /** The change goes through; the candidates come back with the result. */
  WARN,
  /** The change is refused with the candidates, unless the caller overrides where allowed. */
  BLOCK
}
