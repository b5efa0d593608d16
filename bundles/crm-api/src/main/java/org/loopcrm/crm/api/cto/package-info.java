/**
 * Configure-to-order: product models with attributes, constraints, pricing, BOM and routing rules;
 * the configurator that propagates a partial configuration; saved configurations.
 */
@Version("1.0.0")
package org.loopcrm.crm.api.cto;

import org.osgi.annotation.versioning.Version;
