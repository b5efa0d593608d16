/** Facts that arrive from the ERP and the service that applies each of them exactly once. */
@Version("1.4.0")
package org.loopcrm.crm.api.erp;

import org.osgi.annotation.versioning.Version;
