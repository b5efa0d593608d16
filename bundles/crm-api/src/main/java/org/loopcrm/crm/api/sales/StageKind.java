package org.loopcrm.crm.api.sales;

/** Whether a stage is still open or ends the opportunity. */
public enum StageKind {
  OPEN,
  WON,
  LOST
}
