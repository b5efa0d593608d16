/**
 * Bulk import of the customer master from CSV and XLSX files: jobs with a column mapping, a match
 * key and a mode, run in chunks of rows that each commit in one transaction together with the job's
 * checkpoint, so a job resumes after a crash with no duplicate and no half-written row.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.dataimport;

import org.osgi.annotation.versioning.Version;
