package org.loopcrm.crm.transfer.internal.imports;

import java.nio.file.Path;
import java.util.List;
import org.loopcrm.crm.api.dataimport.ImportFormat;

/** Reads a file row by row, streaming: never more than one row in memory. */
interface RowReader {

  /** Receives the rows of a file. */
  interface Handler {
    /** The header: the first row that is not blank. */
    void header(List<String> cells);

    /**
     * A data row that is not blank.
     *
     * @param rowNumber its number in the file (the first line or sheet row is 1)
     * @param cells its cells by column, blanks as empty strings
     */
    void row(long rowNumber, List<String> cells);
  }

  /** Reads the whole file; exceptions the handler throws end the read and pass through. */
  void read(Path file, Handler handler);

  /** The reader of a format. */
  static RowReader of(ImportFormat format) {
    return switch (format) {
      case CSV -> new CsvRowReader();
      case XLSX -> new XlsxRowReader();
    };
  }

  /** The header row only, or an {@link UnreadableFile} if there is none. */
  default List<String> header(Path file) {
    final class Found extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient List<String> cells;

      Found(List<String> cells) {
        super(null, null, false, false);
        this.cells = cells;
      }
    }
    try {
      read(
          file,
          new Handler() {
            @Override
            public void header(List<String> cells) {
              throw new Found(cells);
            }

            @Override
            public void row(long rowNumber, List<String> cells) {}
          });
    } catch (Found f) {
      return f.cells;
    }
    throw new UnreadableFile("the file has no header row");
  }

  /** The number of data rows (not blank, after the header). */
  default long count(Path file) {
    long[] n = {0};
    read(
        file,
        new Handler() {
          @Override
          public void header(List<String> cells) {}

          @Override
          public void row(long rowNumber, List<String> cells) {
            n[0]++;
          }
        });
    return n[0];
  }

  /** Whether every cell is blank. */
  static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  /** The file is not what its format says, or broken. */
  final class UnreadableFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableFile(String message) {
      super(message);
    }

    UnreadableFile(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
