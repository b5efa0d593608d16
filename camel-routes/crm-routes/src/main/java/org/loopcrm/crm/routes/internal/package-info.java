/** The DS component that owns the CRM's one CamelContext, and its configuration. Not exported. */
package org.loopcrm.crm.routes.internal;
