package org.loopcrm.crm.transfer.internal.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8 with a header row, optionally after a byte order mark so Excel reads the
 * file as UTF-8. Text cells are guarded against formula injection ({@link Cells#guarded}).
 */
final class CsvSink<R> implements Sink<R> {
  static final char BOM = '\uFEFF';
  private final List<Column<R>> columns;
  private final CSVPrinter printer;

  CsvSink(OutputStream out, List<Column<R>> columns, boolean byteOrderMark) throws IOException {
    this.columns = columns;
    BufferedWriter w =
        new BufferedWriter(
            new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
    if (byteOrderMark) {
      w.write(BOM);
    }
    this.printer =
        CSVFormat.RFC4180
            .builder()
            .setHeader(columns.stream().map(Column::name).toArray(String[]::new))
            .get()
            .print(w);
  }

  @Override
  public void write(R row) throws IOException {
    List<String> cells = new ArrayList<>(columns.size());
    for (Column<R> c : columns) {
      Object v = c.value().apply(row);
      String text = Cells.text(v);
      cells.add(v instanceof Number ? text : Cells.guarded(text));
    }
    printer.printRecord(cells);
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
  }

  @Override
  public void finish() throws IOException {
    printer.flush();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }
}
