package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.search.SearchService;

/**
 * The services behind custom fields and search, passed as one argument so the servlet's constructor
 * grows by one parameter only.
 */
record MasterDataServices(CustomFieldService customFields, SearchService search) {}
