/**
 * Plain JMS on the Camel {@code jms} component's connection factory, for bundles that must not see
 * jakarta.jms (this library keeps it private): browse, count and move messages between queues.
 */
@Version("1.0.0")
package org.loopcrm.crm.camel.jms;

import org.osgi.annotation.versioning.Version;
