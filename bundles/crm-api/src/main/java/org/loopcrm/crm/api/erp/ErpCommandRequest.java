package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleLine;

/**
 * What the CRM asks the ERP to create for an account: a sale, a production or a project. The
 * customer is the account's party in the ERP, found (or written there first) when the command is
 * carried out, so a command may be asked for an account the ERP does not know yet.
 */
public sealed interface ErpCommandRequest {

  /** The document kind the command creates. */
  DocumentKind kind();

  /**
   * A sale with its lines, confirmed in the ERP when {@code confirm} is set.
   *
   * @param reference the customer's reference, or null
   * @param currency ISO 4217 code, or null for the ERP company's currency
   */
  record Sale(String reference, String currency, List<SaleLine> lines, boolean confirm)
      implements ErpCommandRequest {
    public Sale {
      lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.SALE;
    }
  }

  /**
   * A production of a product, with the bill of materials to use (empty: the product's own).
   *
   * @param saleRef the ERP sale this production is for, or null
   * @param reference the CRM's reference, or null
   */
  record Production(
      String productCode,
      BigDecimal quantity,
      LocalDate plannedStart,
      List<BomLine> bom,
      String saleRef,
      String reference)
      implements ErpCommandRequest {
    public Production {
      bom = bom == null ? List.of() : List.copyOf(bom);
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.PRODUCTION;
    }
  }

  /** A project with its tasks. */
  record Project(String name, List<ProjectTask> tasks, String reference)
      implements ErpCommandRequest {
    public Project {
      tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.PROJECT;
    }
  }

  /**
   * Cancel the sale another command made (an order withdrawn). What the ERP then does to its
   * shipments is the ERP's; productions the CRM requested for it are stopped by {@link
   * ChangeProduction} commands placed with this one.
   *
   * @param saleCommandId the SALE command whose sale is cancelled
   * @param reason why, shown in the ERP where it can be, or null
   */
  record CancelSale(java.util.UUID saleCommandId, String reason) implements ErpCommandRequest {
    public CancelSale {
      Objects.requireNonNull(saleCommandId, "saleCommandId");
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.SALE;
    }
  }

  /**
   * Change the quantities of lines of the sale another command made (an order reduced). Productions
   * the CRM requested for those lines change by {@link ChangeProduction} commands placed with this
   * one.
   *
   * @param saleCommandId the SALE command whose sale changes
   * @param lines the lines that change, by position, with their new quantities
   * @param reason why, or null
   */
  record ChangeSale(
      java.util.UUID saleCommandId,
      List<org.loopcrm.crm.api.erp.port.SaleLineChange> lines,
      String reason)
      implements ErpCommandRequest {
    public ChangeSale {
      Objects.requireNonNull(saleCommandId, "saleCommandId");
      lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.SALE;
    }
  }

  /**
   * Change the quantity of the production another command requested; zero cancels it. A reduced or
   * cancelled order must not leave an orphaned production.
   *
   * @param productionCommandId the PRODUCTION command whose production changes
   * @param quantity the new quantity, zero to cancel
   * @param reason why, or null
   */
  record ChangeProduction(java.util.UUID productionCommandId, BigDecimal quantity, String reason)
      implements ErpCommandRequest {
    public ChangeProduction {
      Objects.requireNonNull(productionCommandId, "productionCommandId");
      Objects.requireNonNull(quantity, "quantity");
    }

    @Override
    public DocumentKind kind() {
      return DocumentKind.PRODUCTION;
    }
  }
}
