/**
 * The ERP ports: what the CRM asks of an ERP and tells it, independent of which ERP it is.
 *
 * <p>A connector registers one service per port it implements, with the service property {@link
 * org.loopcrm.crm.api.erp.port.ErpPort#ERP_SYSTEM} naming the ERP. An ERP running in the same Karaf
 * may implement them as plain OSGi services; a remote ERP is reached by a connector built on Camel
 * routes (the Tryton connector, the canonical JMS connector).
 *
 * <p>Calls are synchronous and may be slow: callers must not hold a database transaction across
 * them. Commands carry an idempotency key; a port must create at most one ERP document per key,
 * with the ERP's own idempotency where it has one and a lookup before create where it does not.
 *
 * <p>Version 1 of the SPI. Adding a method with a default is a minor change; changing or removing
 * one is a major change that connectors must follow.
 */
@Version("1.2.0")
package org.loopcrm.crm.api.erp.port;

import org.osgi.annotation.versioning.Version;
