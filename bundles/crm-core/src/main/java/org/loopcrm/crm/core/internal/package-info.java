/** Loop CRM's domain implementation; nothing here is exported. */
package org.loopcrm.crm.core.internal;
