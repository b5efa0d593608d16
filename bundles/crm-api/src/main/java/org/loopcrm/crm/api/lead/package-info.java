/**
 * Leads: capture (web-to-lead forms, import, API), duplicate flags that never drop a submission,
 * rule-based scoring with decay and an explanation, qualification and conversion into account,
 * contact and opportunity.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.lead;

import org.osgi.annotation.versioning.Version;
