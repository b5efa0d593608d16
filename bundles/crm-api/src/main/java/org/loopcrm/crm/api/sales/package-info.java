/**
 * Sales: pipelines with their stages, and opportunities moving through them to won or lost.
 *
 * <p>An opportunity belongs to an account and is seen and changed by whoever sees and changes that
 * account. Its stage decides its probability and forecast category unless they are set; the stage's
 * required fields and gate checks are enforced when it is entered.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.sales;

import org.osgi.annotation.versioning.Version;
