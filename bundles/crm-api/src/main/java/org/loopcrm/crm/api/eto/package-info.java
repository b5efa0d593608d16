/**
 * Engineer-to-order: the engineering request an ENGINEER_TO_ORDER opportunity opens (specification,
 * attachments, feasibility, estimate, engineering tasks and a revisioned BOM), the quote priced
 * from its estimate, and the ERP project and production commanded when the opportunity is won.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.eto;

import org.osgi.annotation.versioning.Version;
