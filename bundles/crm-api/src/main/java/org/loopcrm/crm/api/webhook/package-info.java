/** Webhooks out: subscriptions to event types and the signed, retried deliveries made for them. */
@Version("1.1.0")
package org.loopcrm.crm.api.webhook;

import org.osgi.annotation.versioning.Version;
