/** Operations of the integration routes: their state and figures, dead letters, replay. */
@Version("1.0.0")
package org.loopcrm.crm.api.integration;

import org.osgi.annotation.versioning.Version;
