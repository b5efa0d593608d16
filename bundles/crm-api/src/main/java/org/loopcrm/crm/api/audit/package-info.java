/** Audit history: who changed which record when, through which channel, field by field. */
@Version("1.2.0")
package org.loopcrm.crm.api.audit;

import org.osgi.annotation.versioning.Version;
