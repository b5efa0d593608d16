package org.loopcrm.crm.api.access;

/** What a user may do with one record, as far as record-level access goes. */
public enum RecordAccess {
  /** The record is not visible: it reads as not found. */
  NONE,
  /** The record can be read, not changed. */
  READ,
  /** The record can be read and, where the role allows, changed. */
  WRITE;

  /** Whether this access includes {@code other}. */
  public boolean includes(RecordAccess other) {
    return compareTo(other) >= 0;
  }
}
