package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.ErpLiveService;

/**
 * The services behind the ERP view of accounts and the ERP streams, passed as one argument so the
 * servlet's constructor grows by one parameter only.
 */
record ErpServices(
    ErpAccountService accounts,
    ErpFactService facts,
    ErpLiveService live,
    ErpCommandService commands) {}
