/**
 * Custom fields: typed fields on accounts and contacts that an administrator defines at run time,
 * validated on every write, audited field by field and usable as list filters.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.customfield;

import org.osgi.annotation.versioning.Version;
