/** The REST API: thin resources that translate HTTP to service calls. Nothing here is exported. */
package org.loopcrm.crm.rest.internal;
