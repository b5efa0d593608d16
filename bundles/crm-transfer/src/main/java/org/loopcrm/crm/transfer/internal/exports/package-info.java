/**
 * Export of account and contact lists: the service walks the list's keyset pages and hands each
 * record to a format's sink (CSV, XLSX, vCard, JSON), which writes it out as it comes.
 */
package org.loopcrm.crm.transfer.internal.exports;
