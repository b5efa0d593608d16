package org.loopcrm.crm.api.quote;

/** Renders a quote as a document the customer receives. */
public interface QuoteRenderer {

  /**
   * The quote as a PDF.
   *
   * @param quote the quote (as read by someone allowed to read it)
   * @param customer the account's name
   * @param contact the addressed contact's name, or null
   * @return the PDF's bytes
   */
  byte[] pdf(Quote quote, String customer, String contact);
}
