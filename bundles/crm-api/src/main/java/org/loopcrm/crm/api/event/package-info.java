/** Domain events and the transactional outbox that carries them out of the CRM. */
@Version("1.1.0")
package org.loopcrm.crm.api.event;

import org.osgi.annotation.versioning.Version;
