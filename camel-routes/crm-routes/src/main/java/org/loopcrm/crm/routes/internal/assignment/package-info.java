/** The route that re-assigns the records of absent owners and overdue first responses. */
package org.loopcrm.crm.routes.internal.assignment;
