package org.loopcrm.crm.api.integration;

/** How a route's messages are put through again. */
public enum ReplayKind {
  /** A poller: its streams' watermarks are set back, and it reads the ERP again from there. */
  REWIND_STREAMS,
  /** A queue route: the messages of its dead-letter queue go back to its queue. */
  RETRY_DEAD_LETTERS
}
