/**
 * Service cases: a customer's request or problem on an account, numbered, assigned by the
 * assignment rules of kind CASE, moved through a guarded lifecycle and answered with replies.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.servicecase;

import org.osgi.annotation.versioning.Version;
