/**
 * Export of filtered account and contact lists as CSV, XLSX, vCard or JSON, streamed page by page
 * in constant memory.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.dataexport;

import org.osgi.annotation.versioning.Version;
