package org.loopcrm.crm.api.sales;

/** What the rows of a forecast are. */
public enum ForecastGrouping {
  /** One row per opportunity owner (and currency). */
  OWNER,
  /**
   * One row per team of the owners (and currency): an owner in two teams counts in both, an owner
   * in none in no team row (the totals still count it).
   */
  TEAM,
  /** One row per product code of the opportunities' lines (and currency), from the line totals. */
  PRODUCT,
  /** One row per forecast category (and currency); won opportunities are CLOSED. */
  CATEGORY
}
