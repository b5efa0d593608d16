/** The route that applies the lifecycle rules on a schedule, so inactivity moves stages. */
package org.loopcrm.crm.routes.internal.lifecycle;
