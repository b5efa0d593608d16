package org.loopcrm.crm.api.lead;

import java.util.UUID;

/**
 * What became of a web-form submission.
 *
 * @param leadId the lead created, or null when the honeypot was filled (nothing was stored)
 * @param discarded whether the submission was dropped as a bot's
 * @param redirectUrl where to send the browser, or null
 */
public record Submission(UUID leadId, boolean discarded, String redirectUrl) {}
