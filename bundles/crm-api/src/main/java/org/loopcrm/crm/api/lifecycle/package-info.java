/**
 * The customer lifecycle: rules that move an account's stage from purchase facts (first purchase,
 * purchases within a window, inactivity), the history of every stage transition, and evaluation on
 * demand.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.lifecycle;

import org.osgi.annotation.versioning.Version;
