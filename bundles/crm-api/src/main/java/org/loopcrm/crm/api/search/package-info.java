/** One search box over accounts, contacts and contact mechanisms, within the caller's records. */
@Version("1.0.0")
package org.loopcrm.crm.api.search;

import org.osgi.annotation.versioning.Version;
