package org.loopcrm.crm.transfer.internal.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.loopcrm.crm.api.quote.LineAvailability;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteRenderer;
import org.osgi.service.component.annotations.Component;

/**
 * The quote as an A4 PDF in the standard Helvetica fonts: header, addressee, lines with discount
 * and the ERP's availability, totals, terms. Long quotes continue on further pages; characters the
 * standard fonts cannot show are replaced, never dropped silently with the rest of the line.
 */
@Component(service = QuoteRenderer.class)
public final class QuotePdf implements QuoteRenderer {
  private static final float MARGIN = 50;
  private static final float LEADING = 14;
  private static final float[] COLUMNS = {50, 140, 330, 380, 450, 495};

  @Override
  public byte[] pdf(Quote quote, String customer, String contact) {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Quote " + quote.number() + "/" + quote.revision());
      info.setSubject(customer);
      info.setCreator("Loop CRM");
      Writer w = new Writer(doc, regular, bold);
      w.text(bold, 18, "Quote " + quote.number() + " / revision " + quote.revision());
      w.gap();
      w.text(regular, 11, "For: " + customer);
      if (contact != null) {
        w.text(regular, 11, "Attention: " + contact);
      }
      w.text(
          regular,
          11,
          "Date: "
              + quote.createdAt().toString().substring(0, 10)
              + "    Valid until: "
              + quote.validUntil()
              + (quote.deliveryDate() == null ? "" : "    Delivery: " + quote.deliveryDate()));
      w.text(regular, 11, "Status: " + quote.status() + "    Currency: " + quote.currency());
      w.gap();
      w.row(bold, "Product", "Description", "Qty", "Unit price", "Disc. %", "Total");
      for (QuoteLine l : quote.lines()) {
        w.row(
            regular,
            l.productCode(),
            l.description() == null ? "" : l.description(),
            plain(l.quantity()),
            plain(l.unitPrice()),
            plain(l.discountPercent()),
            l.total().toPlainString());
        LineAvailability a = l.availability();
        if (a != null) {
          w.indented(
              regular,
              9,
              a.problem() != null
                  ? "Availability not confirmed: " + a.problem()
                  : (a.available() ? "Available" : "Not available in full")
                      + " (in stock "
                      + plain(a.onHand())
                      + ", expected "
                      + plain(a.forecast())
                      + (a.unit() == null ? "" : " " + a.unit())
                      + ", as of "
                      + a.asOf()
                      + ")");
        }
      }
      w.gap();
      w.text(regular, 11, "Subtotal: " + quote.subtotal().toPlainString() + " " + quote.currency());
      w.text(regular, 11, "Discount: " + quote.discount().toPlainString() + " " + quote.currency());
      w.text(bold, 12, "Total: " + quote.total().toPlainString() + " " + quote.currency());
      if (quote.terms() != null) {
        w.gap();
        w.text(bold, 11, "Terms");
        for (String line : wrap(quote.terms(), 95)) {
          w.text(regular, 10, line);
        }
      }
      w.close();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the quote PDF could not be written", e);
    }
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.stripTrailingZeros().toPlainString();
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Only what WinAnsi (the standard fonts' encoding) can show; anything else becomes '?'. */
  static String printable(PDType1Font font, String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              String c = new String(Character.toChars(cp));
              try {
                font.encode(c);
                b.append(c);
              } catch (IOException | IllegalArgumentException e) {
                b.append('?');
              }
            });
    return b.toString();
  }

  /** Writes lines top-down, starting a new page when one is full. */
  private static final class Writer {
    private final PDDocument doc;
    private final PDType1Font regular;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument doc, PDType1Font regular, PDType1Font bold) throws IOException {
      this.doc = doc;
      this.regular = regular;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    private void room() throws IOException {
      if (y < MARGIN + LEADING) {
        newPage();
      }
    }

    void text(PDType1Font font, float size, String s) throws IOException {
      at(font, size, MARGIN, s);
      y -= LEADING + (size > 12 ? 6 : 0);
    }

    void indented(PDType1Font font, float size, String s) throws IOException {
      at(font, size, COLUMNS[1], s);
      y -= LEADING;
    }

    void row(PDType1Font font, String... cells) throws IOException {
      room();
      for (int i = 0; i < cells.length; i++) {
        String c = cells[i];
        int max = i == 1 ? 34 : 14;
        at(font, 9, COLUMNS[i], c.length() > max ? c.substring(0, max - 1) + "." : c);
      }
      y -= LEADING;
    }

    void gap() {
      y -= LEADING / 2;
    }

    private void at(PDType1Font font, float size, float x, String s) throws IOException {
      room();
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(printable(font == null ? regular : font, s));
      stream.endText();
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
