package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.core.internal.json.Json;

/** A command's request as the JSON stored with it, and back. Numbers stay decimal. */
final class ErpCommandJson {
  private ErpCommandJson() {}

  static String write(ErpCommandRequest request) {
    return Json.write(toMap(request));
  }

  static Map<String, Object> toMap(ErpCommandRequest request) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", request.kind().name());
    if (request instanceof ErpCommandRequest.CancelSale c) {
      m.put("op", "cancel");
      m.put("target", c.saleCommandId().toString());
      m.put("reason", c.reason());
    } else if (request instanceof ErpCommandRequest.ChangeSale c) {
      m.put("op", "change");
      m.put("target", c.saleCommandId().toString());
      List<Map<String, Object>> lines = new ArrayList<>();
      for (org.loopcrm.crm.api.erp.port.SaleLineChange l : c.lines()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", l.position());
        line.put("quantity", l.quantity());
        lines.add(line);
      }
      m.put("lines", lines);
      m.put("reason", c.reason());
    } else if (request instanceof ErpCommandRequest.ChangeProduction c) {
      m.put("op", "change");
      m.put("target", c.productionCommandId().toString());
      m.put("quantity", c.quantity());
      m.put("reason", c.reason());
    } else if (request instanceof ErpCommandRequest.Sale s) {
      m.put("reference", s.reference());
      m.put("currency", s.currency());
      m.put("confirm", s.confirm());
      List<Map<String, Object>> lines = new ArrayList<>();
      for (SaleLine l : s.lines()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product", l.productCode());
        line.put("quantity", l.quantity());
        line.put("unitPrice", l.unitPrice());
        line.put("description", l.description());
        lines.add(line);
      }
      m.put("lines", lines);
    } else if (request instanceof ErpCommandRequest.Production p) {
      m.put("product", p.productCode());
      m.put("quantity", p.quantity());
      m.put("plannedStart", p.plannedStart() == null ? null : p.plannedStart().toString());
      m.put("saleRef", p.saleRef());
      m.put("reference", p.reference());
      List<Map<String, Object>> bom = new ArrayList<>();
      for (BomLine b : p.bom()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product", b.productCode());
        line.put("quantity", b.quantity());
        bom.add(line);
      }
      m.put("bom", bom);
    } else if (request instanceof ErpCommandRequest.Project p) {
      m.put("name", p.name());
      m.put("reference", p.reference());
      List<Map<String, Object>> tasks = new ArrayList<>();
      for (ProjectTask t : p.tasks()) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", t.name());
        task.put("effortHours", t.effortHours());
        tasks.add(task);
      }
      m.put("tasks", tasks);
    }
    return m;
  }

  static ErpCommandRequest read(String json) {
    Map<String, Object> m = Json.readObject(json);
    String kind = (String) m.get("kind");
    if ("cancel".equals(m.get("op"))) {
      return new ErpCommandRequest.CancelSale(
          java.util.UUID.fromString((String) m.get("target")), (String) m.get("reason"));
    }
    if ("change".equals(m.get("op")) && "SALE".equals(kind)) {
      List<org.loopcrm.crm.api.erp.port.SaleLineChange> lines = new ArrayList<>();
      for (Map<String, Object> l : maps(m.get("lines"))) {
        lines.add(
            new org.loopcrm.crm.api.erp.port.SaleLineChange(
                ((Number) l.get("position")).intValue(), (BigDecimal) l.get("quantity")));
      }
      return new ErpCommandRequest.ChangeSale(
          java.util.UUID.fromString((String) m.get("target")), lines, (String) m.get("reason"));
    }
    if ("change".equals(m.get("op"))) {
      return new ErpCommandRequest.ChangeProduction(
          java.util.UUID.fromString((String) m.get("target")),
          (BigDecimal) m.get("quantity"),
          (String) m.get("reason"));
    }
    switch (kind) {
      case "SALE":
        {
          List<SaleLine> lines = new ArrayList<>();
          for (Map<String, Object> l : maps(m.get("lines"))) {
            lines.add(
                new SaleLine(
                    (String) l.get("product"),
                    (BigDecimal) l.get("quantity"),
                    (BigDecimal) l.get("unitPrice"),
                    (String) l.get("description")));
          }
          return new ErpCommandRequest.Sale(
              (String) m.get("reference"),
              (String) m.get("currency"),
              lines,
              Boolean.TRUE.equals(m.get("confirm")));
        }
      case "PRODUCTION":
        {
          List<BomLine> bom = new ArrayList<>();
          for (Map<String, Object> b : maps(m.get("bom"))) {
            bom.add(new BomLine((String) b.get("product"), (BigDecimal) b.get("quantity")));
          }
          String start = (String) m.get("plannedStart");
          return new ErpCommandRequest.Production(
              (String) m.get("product"),
              (BigDecimal) m.get("quantity"),
              start == null ? null : LocalDate.parse(start),
              bom,
              (String) m.get("saleRef"),
              (String) m.get("reference"));
        }
      case "PROJECT":
        {
          List<ProjectTask> tasks = new ArrayList<>();
          for (Map<String, Object> t : maps(m.get("tasks"))) {
            tasks.add(new ProjectTask((String) t.get("name"), (BigDecimal) t.get("effortHours")));
          }
          return new ErpCommandRequest.Project(
              (String) m.get("name"), tasks, (String) m.get("reference"));
        }
      default:
        throw new IllegalStateException("stored ERP command of unknown kind " + kind);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return list == null ? List.of() : (List<Map<String, Object>>) list;
  }
}
