/**
 * Duplicate detection: candidates of a draft on create and update (warn or block), background scans
 * that store clusters of probable duplicates, and their review (open, dismissed, merged).
 */
@Version("1.0.0")
package org.loopcrm.crm.api.dedupe;

import org.osgi.annotation.versioning.Version;
