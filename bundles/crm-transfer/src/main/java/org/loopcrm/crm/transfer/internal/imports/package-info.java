/**
 * The import driver: stores uploads under {@code ${karaf.data}/crm/imports}, reads CSV (Commons
 * CSV) and XLSX (POI's streaming SAX reader) row by row, maps columns to fields and hands chunks of
 * rows to {@link org.loopcrm.crm.api.dataimport.ImportJobService#writeChunk}, which commits each
 * chunk with the job's checkpoint. Unfinished jobs resume from their checkpoint when the driver
 * starts.
 */
package org.loopcrm.crm.transfer.internal.imports;
