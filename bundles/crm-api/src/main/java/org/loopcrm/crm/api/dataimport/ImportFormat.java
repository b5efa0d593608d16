package org.loopcrm.crm.api.dataimport;

/** The file formats an import reads. */
public enum ImportFormat {
  /** Comma-separated values, UTF-8, with a header line (RFC 4180 quoting). */
  CSV,
  /** An Excel 2007+ workbook: the first sheet, with a header row. */
  XLSX
}
