package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleLine;

/** JSON forms of commands to the ERP: the request body and the command as it stands. */
final class ErpCommandDtos {
  private ErpCommandDtos() {}

  /**
   * {@code POST /accounts/{id}/erp/commands}: {@code kind} names the one section that must be there
   * ({@code sale}, {@code production} or {@code project}).
   */
  record CommandBody(
      String kind,
      String key,
      String erpSystem,
      SaleBody sale,
      ProductionBody production,
      ProjectBody project) {

    ErpCommandRequest toRequest() {
      List<FieldError> errors = new ArrayList<>();
      String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
      ErpCommandRequest request = null;
      switch (k) {
        case "SALE" -> {
          only(errors, "sale", sale, production, project);
          if (sale != null) {
            request = sale.toRequest(errors);
          }
        }
        case "PRODUCTION" -> {
          only(errors, "production", production, sale, project);
          if (production != null) {
            request = production.toRequest(errors);
          }
        }
        case "PROJECT" -> {
          only(errors, "project", project, sale, production);
          if (project != null) {
            request = project.toRequest();
          }
        }
        default -> errors.add(new FieldError("kind", "must be SALE, PRODUCTION or PROJECT"));
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return request;
    }

    private static void only(
        List<FieldError> errors, String name, Object section, Object other1, Object other2) {
      if (section == null) {
        errors.add(new FieldError(name, "is required for this kind"));
      }
      if (other1 != null || other2 != null) {
        errors.add(new FieldError(name, "must be the only one of sale, production and project"));
      }
    }
  }

  record SaleBody(String reference, String currency, Boolean confirm, List<SaleLineBody> lines) {
    ErpCommandRequest.Sale toRequest(List<FieldError> errors) {
      if (lines == null) {
        errors.add(new FieldError("sale.lines", "is required"));
        return null;
      }
      List<SaleLine> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        SaleLineBody l = lines.get(i);
        if (l == null) {
          errors.add(new FieldError("sale.lines[" + i + "]", "must be an object"));
        } else {
          out.add(new SaleLine(l.product(), l.quantity(), l.unitPrice(), l.description()));
        }
      }
      return new ErpCommandRequest.Sale(reference, currency, out, confirm == null || confirm);
    }

    static SaleBody of(ErpCommandRequest.Sale s) {
      return new SaleBody(
          s.reference(),
          s.currency(),
          s.confirm(),
          s.lines().stream()
              .map(
                  l ->
                      new SaleLineBody(
                          l.productCode(), l.quantity(), l.unitPrice(), l.description()))
              .toList());
    }
  }

  record SaleLineBody(
      String product, BigDecimal quantity, BigDecimal unitPrice, String description) {}

  record ProductionBody(
      String product,
      BigDecimal quantity,
      String plannedStart,
      List<BomLineBody> bom,
      String saleRef,
      String reference) {
    ErpCommandRequest.Production toRequest(List<FieldError> errors) {
      java.time.LocalDate start = null;
      try {
        start = Params.date("production.plannedStart", plannedStart);
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      }
      List<BomLine> lines = new ArrayList<>();
      if (bom != null) {
        for (int i = 0; i < bom.size(); i++) {
          BomLineBody b = bom.get(i);
          if (b == null) {
            errors.add(new FieldError("production.bom[" + i + "]", "must be an object"));
          } else {
            lines.add(new BomLine(b.product(), b.quantity()));
          }
        }
      }
      return new ErpCommandRequest.Production(product, quantity, start, lines, saleRef, reference);
    }

    static ProductionBody of(ErpCommandRequest.Production p) {
      return new ProductionBody(
          p.productCode(),
          p.quantity(),
          p.plannedStart() == null ? null : p.plannedStart().toString(),
          p.bom().stream().map(b -> new BomLineBody(b.productCode(), b.quantity())).toList(),
          p.saleRef(),
          p.reference());
    }
  }

  record BomLineBody(String product, BigDecimal quantity) {}

  record ProjectBody(String name, String reference, List<TaskBody> tasks) {
    ErpCommandRequest.Project toRequest() {
      List<ProjectTask> out = new ArrayList<>();
      if (tasks != null) {
        for (TaskBody t : tasks) {
          out.add(
              t == null ? new ProjectTask(null, null) : new ProjectTask(t.name(), t.effortHours()));
        }
      }
      return new ErpCommandRequest.Project(name, out, reference);
    }

    static ProjectBody of(ErpCommandRequest.Project p) {
      return new ProjectBody(
          p.name(),
          p.reference(),
          p.tasks().stream().map(t -> new TaskBody(t.name(), t.effortHours())).toList());
    }
  }

  record TaskBody(String name, BigDecimal effortHours) {}

  /** A line of a changed sale: its position and new quantity. */
  record LineChangeView(int position, BigDecimal quantity) {}

  /** A cancellation or change of a sale, or a change of a production, another command made. */
  record ChangeView(
      String op, UUID target, BigDecimal quantity, List<LineChangeView> lines, String reason) {
    static ChangeView of(ErpCommandRequest r) {
      if (r instanceof ErpCommandRequest.CancelSale c) {
        return new ChangeView("cancel-sale", c.saleCommandId(), null, null, c.reason());
      }
      if (r instanceof ErpCommandRequest.ChangeSale c) {
        return new ChangeView(
            "change-sale",
            c.saleCommandId(),
            null,
            c.lines().stream()
                .map(l -> new LineChangeView(l.position(), QuoteDtos.plain(l.quantity())))
                .toList(),
            c.reason());
      }
      if (r instanceof ErpCommandRequest.ChangeProduction c) {
        return new ChangeView(
            "change-production", c.productionCommandId(), c.quantity(), null, c.reason());
      }
      return null;
    }
  }

  /** A command as it stands. */
  record CommandView(
      UUID id,
      UUID accountId,
      String erpSystem,
      String key,
      String kind,
      String status,
      SaleBody sale,
      ProductionBody production,
      ProjectBody project,
      ChangeView change,
      String documentRef,
      String documentNumber,
      String documentState,
      String failure,
      int attempts,
      String requestedBy,
      String requestedAt,
      String completedAt) {
    static CommandView of(ErpCommand c) {
      ErpCommandRequest r = c.request();
      return new CommandView(
          c.id(),
          c.accountId(),
          c.erpSystem(),
          c.key(),
          r.kind().name(),
          c.status().name(),
          r instanceof ErpCommandRequest.Sale s ? SaleBody.of(s) : null,
          r instanceof ErpCommandRequest.Production p ? ProductionBody.of(p) : null,
          r instanceof ErpCommandRequest.Project p ? ProjectBody.of(p) : null,
          ChangeView.of(r),
          c.documentRef(),
          c.documentNumber(),
          c.documentState(),
          c.failure(),
          c.attempts(),
          c.requestedBy(),
          c.requestedAt() == null ? null : c.requestedAt().toString(),
          c.completedAt() == null ? null : c.completedAt().toString());
    }
  }

  record CommandPage(List<CommandView> items, String nextCursor) {
    static CommandPage of(Page<ErpCommand> page) {
      return new CommandPage(
          page.items().stream().map(CommandView::of).toList(), page.nextCursor().orElse(null));
    }
  }
}
