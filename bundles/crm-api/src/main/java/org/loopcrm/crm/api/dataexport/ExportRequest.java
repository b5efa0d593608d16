package org.loopcrm.crm.api.dataexport;

import java.util.List;
import java.util.Objects;
import org.loopcrm.crm.api.account.AccountQuery;

/**
 * What to export.
 *
 * @param subject accounts, or the contacts of the accounts
 * @param format the file format
 * @param query the account list's filter and order, exactly as the list takes it; its limit and
 *     cursor are ignored: the export walks every page from the first
 * @param columns the columns to write, in order; empty for the subject's default set (ignored by
 *     vCard, which writes every property it knows)
 * @param byteOrderMark whether a CSV starts with a UTF-8 byte order mark, so Excel reads it as
 *     UTF-8; ignored by the other formats
 */
public record ExportRequest(
    ExportSubject subject,
    ExportFormat format,
    AccountQuery query,
    List<String> columns,
    boolean byteOrderMark) {

  /** Checks the required parts and copies the columns. */
  public ExportRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(query, "query");
    columns = columns == null ? List.of() : List.copyOf(columns);
  }
}
