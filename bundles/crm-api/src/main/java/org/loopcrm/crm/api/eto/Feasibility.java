package org.loopcrm.crm.api.eto;

/** Engineering's verdict on a request. NOT_FEASIBLE blocks estimating, quoting and winning. */
public enum Feasibility {
  FEASIBLE,
  FEASIBLE_WITH_CHANGES,
  NOT_FEASIBLE
}
