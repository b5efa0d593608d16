package org.loopcrm.crm.transfer.internal.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An XLSX workbook with one sheet and a bold header row, written with POI's streaming SXSSF: only
 * {@link #WINDOW} rows stay in memory, the rest go to a compressed temporary file, which is deleted
 * on close. The zip file is assembled at the end, so its bytes come after the last row. Numbers are
 * numeric cells; everything else is a text cell, which a spreadsheet never runs as a formula.
 *
 * <p>POI's XML layer (xmlbeans) loads its types through the thread context class loader; inside
 * OSGi that is not the bundle's, so each call into POI runs with the bundle's class loader set.
 */
final class XlsxSink<R> implements Sink<R> {
  static final int WINDOW = 100;
  private final OutputStream out;
  private final List<Column<R>> columns;
  private final SXSSFWorkbook workbook;
  private final Sheet sheet;
  private int next;

  XlsxSink(OutputStream out, List<Column<R>> columns, String sheetName) throws IOException {
    this.out = out;
    this.columns = columns;
    ClassLoader previous = enter();
    try {
      workbook = new SXSSFWorkbook(WINDOW);
      workbook.setCompressTempFiles(true);
      sheet = workbook.createSheet(sheetName);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(next++);
      for (int i = 0; i < columns.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(columns.get(i).name());
        cell.setCellStyle(bold);
      }
      sheet.createFreezePane(0, 1);
    } finally {
      leave(previous);
    }
  }

  @Override
  public void write(R row) throws IOException {
    ClassLoader previous = enter();
    try {
      Row r = sheet.createRow(next++);
      for (int i = 0; i < columns.size(); i++) {
        Object v = columns.get(i).value().apply(row);
        if (v == null) {
          continue;
        }
        Cell cell = r.createCell(i);
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else {
          cell.setCellValue(Cells.text(v));
        }
      }
    } finally {
      leave(previous);
    }
  }

  @Override
  public void flush() {
    // Rows beyond the window are already in the temporary file; the zip is written at the end.
  }

  @Override
  public void finish() throws IOException {
    ClassLoader previous = enter();
    try {
      workbook.write(new NonClosingOutputStream(out));
      out.flush();
    } finally {
      leave(previous);
    }
  }

  @Override
  public void close() throws IOException {
    ClassLoader previous = enter();
    try {
      workbook.close();
    } finally {
      workbook.dispose();
      leave(previous);
    }
  }

  private static ClassLoader enter() {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(XlsxSink.class.getClassLoader());
    return previous;
  }

  private static void leave(ClassLoader previous) {
    Thread.currentThread().setContextClassLoader(previous);
  }
}
