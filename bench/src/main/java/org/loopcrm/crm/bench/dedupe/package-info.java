/** The duplicate-detection bench: synthetic contacts with known duplicates, time and recall. */
package org.loopcrm.crm.bench.dedupe;
