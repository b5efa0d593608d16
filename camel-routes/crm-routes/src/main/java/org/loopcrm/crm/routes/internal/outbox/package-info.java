/** The route that relays the transactional outbox to the events topic. Not exported. */
package org.loopcrm.crm.routes.internal.outbox;
