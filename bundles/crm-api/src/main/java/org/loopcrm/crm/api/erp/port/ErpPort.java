package org.loopcrm.crm.api.erp.port;

/** What every port shares: the ERP it talks to. */
public interface ErpPort {

  /** Service property naming the ERP, e.g. {@code tryton}. */
  String ERP_SYSTEM = "crm.erp.system";

  /** The ERP this port talks to, as named in facts and external references. */
  String system();
}
