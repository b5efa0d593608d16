/** Routes that apply canonical ERP messages arriving over JMS. Not exported. */
package org.loopcrm.crm.routes.internal.erp;
