package org.loopcrm.crm.transfer.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook through POI's event (SAX) API: rows stream past, the workbook
 * is never built in memory. Cells come formatted as Excel shows them. Inside Karaf the thread's
 * context class loader is this bundle's while POI runs (xmlbeans looks its schema types up there).
 */
final class XlsxRowReader implements RowReader {

  @Override
  public void read(Path file, Handler handler) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(XlsxRowReader.class.getClassLoader());
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableFile("the workbook has no sheet");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                styles, null, strings, new Rows(handler), new DataFormatter(Locale.ROOT), false));
        parser.parse(new InputSource(sheet));
      }
    } catch (UnreadableFile e) {
      throw e;
    } catch (SAXException e) {
      if (e.getException() instanceof RuntimeException r) {
        throw r;
      }
      throw new UnreadableFile("the workbook's sheet is broken: " + e.getMessage(), e);
    } catch (IOException | OpenXML4JException | org.apache.poi.ooxml.POIXMLException e) {
      throw new UnreadableFile("the file is not an XLSX workbook: " + e.getMessage(), e);
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (org.apache.poi.openxml4j.exceptions.InvalidOperationException
        | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
      throw new UnreadableFile("the file is not an XLSX workbook: " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Collects a row's cells by column and passes complete rows on. */
  private static final class Rows implements SheetContentsHandler {
    private final Handler handler;
    private final List<String> cells = new ArrayList<>();
    private boolean headerSeen;

    Rows(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      if (RowReader.blank(cells)) {
        return;
      }
      List<String> row = List.copyOf(cells);
      if (!headerSeen) {
        headerSeen = true;
        handler.header(row);
      } else {
        handler.row(rowNum + 1L, row);
      }
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      String value = formattedValue == null ? "" : formattedValue.strip();
      if (cells.size() == column) {
        cells.add(value);
      } else {
        cells.set(column, value);
      }
    }
  }
}
