/** Scheduled care: the route that fires due task reminders. Not exported. */
package org.loopcrm.crm.routes.internal.reminder;
