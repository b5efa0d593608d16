/**
 * Import and export of the customer master in CSV, XLSX, vCard and JSON. Nothing here is exported:
 * the bundle offers the services declared in crm-api. Commons CSV, Apache POI and ez-vcard are
 * embedded privately (see the pom).
 */
package org.loopcrm.crm.transfer.internal;
