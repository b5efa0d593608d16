package org.loopcrm.crm.api.erp.port;

import org.loopcrm.crm.api.erp.DocumentKind;

/**
 * A document a port made or found in the ERP.
 *
 * @param system the ERP
 * @param kind the document's kind
 * @param id its id in the ERP
 * @param number its human number, or null if the ERP has not given one yet
 * @param state its state after the command
 * @param created whether this call created it ({@code false}: an earlier call with the same
 *     idempotency key did)
 */
public record DocumentRef(
    String system, DocumentKind kind, String id, String number, String state, boolean created) {}
