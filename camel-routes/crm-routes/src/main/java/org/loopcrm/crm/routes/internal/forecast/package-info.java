/** The route that snapshots the forecast of the current and the next quarter on a schedule. */
package org.loopcrm.crm.routes.internal.forecast;
