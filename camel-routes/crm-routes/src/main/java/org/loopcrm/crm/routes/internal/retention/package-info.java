/** Housekeeping: the route that purges what the CRM keeps only for a while. Not exported. */
package org.loopcrm.crm.routes.internal.retention;
