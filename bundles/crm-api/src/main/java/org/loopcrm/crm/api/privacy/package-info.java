/**
 * Privacy (GDPR): the consent register per data subject, purpose and channel, the data-subject
 * export, erasure requests with their legal-hold check, and the ERP finance port that reports legal
 * holds.
 */
@Version("1.1.0")
package org.loopcrm.crm.api.privacy;

import org.osgi.annotation.versioning.Version;
