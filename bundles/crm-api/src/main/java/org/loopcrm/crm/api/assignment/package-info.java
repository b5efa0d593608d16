/**
 * Assignment rules: ordered rules per kind of record that choose an owner (fixed, round-robin in a
 * team, least loaded, by skills), with first-response deadlines, absences and an explanation of
 * every assignment.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.assignment;

import org.osgi.annotation.versioning.Version;
