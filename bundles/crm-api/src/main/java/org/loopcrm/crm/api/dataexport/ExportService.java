package org.loopcrm.crm.api.dataexport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;

/**
 * Writes filtered account or contact lists to a stream. An export is a read: the actor sees exactly
 * the records and fields the list would show (record-level visibility, finance fields only for
 * roles with finance access). The records are read a page at a time through the list's keyset
 * cursor and written as they come, so memory stays constant whatever the size. Every export is
 * audited once, with its filter and the number of records written.
 */
public interface ExportService {

  /** The columns an export of the subject may name, the default set first, in default order. */
  List<String> columns(ExportSubject subject);

  /** The columns written when a request names none. */
  List<String> defaultColumns(ExportSubject subject);

  /**
   * Checks a request before anything is written, so a caller can refuse it while it can still
   * answer with an error.
   *
   * @throws ValidationException for an unknown column or an invalid filter
   * @throws AccessDeniedException if the actor may not read accounts
   */
  void check(Actor actor, ExportRequest request);

  /**
   * Writes the export to {@code out}, which is flushed but not closed.
   *
   * @return the number of records written
   * @throws ValidationException for an unknown column or an invalid filter, before any byte
   * @throws AccessDeniedException if the actor may not read accounts, before any byte
   * @throws IOException if writing fails; the export is audited with what was written
   */
  long export(Actor actor, ExportRequest request, OutputStream out) throws IOException;
}
