package org.loopcrm.crm.api.eto;

/** What a cost line of an estimate is for. */
public enum CostCategory {
  MATERIAL,
  LABOUR,
  SUBCONTRACT,
  OVERHEAD
}
