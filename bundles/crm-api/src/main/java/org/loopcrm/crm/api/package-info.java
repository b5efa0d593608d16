/** Core API of Loop CRM: the caller, paging and the exceptions every service throws. */
@Version("2.2.0")
package org.loopcrm.crm.api;

import org.osgi.annotation.versioning.Version;
