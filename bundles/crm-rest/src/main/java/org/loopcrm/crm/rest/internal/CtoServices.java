package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.api.cto.ProductModelService;

/** The configure-to-order services, passed as one argument to the servlet. */
record CtoServices(ProductModelService models, ConfiguratorService configurator) {}
