/** Documents rendered for customers: the quote PDF (PDFBox, embedded). */
package org.loopcrm.crm.transfer.internal.documents;
