package org.loopcrm.crm.api.sales;

/** Where an opportunity counts in the forecast, from least to most certain. */
public enum ForecastCategory {
  /** Not counted (a long shot, or a stage that does not forecast). */
  OMITTED,
  /** Open and early. */
  PIPELINE,
  /** Could close in the period if things go well. */
  BEST_CASE,
  /** The owner commits to closing it in the period. */
  COMMIT,
  /** Won. */
  CLOSED
}
