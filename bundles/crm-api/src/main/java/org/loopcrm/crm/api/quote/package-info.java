/**
 * Quotes: revisioned offers made from an opportunity, with discount approval, the ERP's live
 * availability and credit check shown on them, and acceptance that places the ERP sale through the
 * outbox.
 */
@Version("1.1.0")
package org.loopcrm.crm.api.quote;

import org.osgi.annotation.versioning.Version;
