/** Rules of ERP facts that need no database: timeline kinds of document changes. */
package org.loopcrm.crm.core.internal.erp;
