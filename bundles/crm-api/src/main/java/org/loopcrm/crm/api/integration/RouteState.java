package org.loopcrm.crm.api.integration;

/** Where a route is in its lifecycle. */
public enum RouteState {
  /** Being started. */
  STARTING,
  /** Consuming. */
  STARTED,
  /** Paused; keeps its resources. */
  SUSPENDED,
  /** Being stopped. */
  STOPPING,
  /** Not consuming. */
  STOPPED
}
