package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.eto.Attachment;
import org.loopcrm.crm.api.eto.Bom;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.CostLine;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringTask;
import org.loopcrm.crm.api.eto.Estimate;
import org.loopcrm.crm.api.eto.EstimateDraft;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.api.eto.SpecificationDraft;

/** The JSON shapes of engineering requests. */
final class EngineeringDtos {
  private EngineeringDtos() {}

  /** Body of PUT /engineering-requests/{id}. */
  record SpecificationBody(String productCode, BigDecimal quantity, String specification) {
    SpecificationDraft toDraft() {
      return new SpecificationDraft(productCode, quantity, specification);
    }
  }

  /** Body of PUT .../feasibility. */
  record FeasibilityBody(String verdict, String note) {
    Feasibility toVerdict() {
      return verdict == null ? null : named(Feasibility.class, "verdict", verdict);
    }
  }

  /** A cost line as entered and shown. */
  record CostLineBody(
      String category, String description, BigDecimal quantity, BigDecimal unitCost) {}

  /** Body of PUT .../estimate. */
  record EstimateBody(List<CostLineBody> lines, BigDecimal marginPercent) {
    EstimateDraft toDraft() {
      List<CostLine> out = new ArrayList<>();
      if (lines != null) {
        for (int i = 0; i < lines.size(); i++) {
          CostLineBody l = lines.get(i);
          if (l == null) {
            throw Params.invalid("lines[" + i + "]", "is required");
          }
          out.add(
              new CostLine(
                  l.category() == null
                      ? null
                      : named(CostCategory.class, "lines[" + i + "].category", l.category()),
                  l.description(),
                  l.quantity(),
                  l.unitCost()));
        }
      }
      return new EstimateDraft(out, marginPercent);
    }
  }

  /** A task as entered and shown. */
  record TaskBody(String name, BigDecimal effortHours) {}

  /** Body of PUT .../tasks. */
  record TasksBody(List<TaskBody> tasks) {
    List<EngineeringTask> toTasks() {
      if (tasks == null) {
        return null;
      }
      List<EngineeringTask> out = new ArrayList<>();
      for (TaskBody t : tasks) {
        out.add(t == null ? null : new EngineeringTask(t.name(), t.effortHours()));
      }
      return out;
    }
  }

  /** A BOM component as entered and shown. */
  record BomLineBody(String productCode, BigDecimal quantity) {}

  /** Body of POST .../boms. */
  record BomBody(List<BomLineBody> lines) {
    List<BomLine> toLines() {
      if (lines == null) {
        return null;
      }
      List<BomLine> out = new ArrayList<>();
      for (BomLineBody l : lines) {
        out.add(l == null ? null : new BomLine(l.productCode(), l.quantity()));
      }
      return out;
    }
  }

  /** An attachment. */
  record AttachmentView(
      UUID id,
      String name,
      String contentType,
      long size,
      String sha256,
      String uploadedBy,
      String uploadedAt) {
    static AttachmentView of(Attachment a) {
      return new AttachmentView(
          a.id(),
          a.name(),
          a.contentType(),
          a.size(),
          a.sha256(),
          a.uploadedBy(),
          text(a.uploadedAt()));
    }
  }

  /** The attachments of a request. */
  record AttachmentList(List<AttachmentView> items) {}

  /** The feasibility decision. */
  record FeasibilityView(String verdict, String note, String decidedBy, String decidedAt) {}

  /** The estimate with its totals. */
  record EstimateView(
      List<CostLineBody> lines,
      Map<String, BigDecimal> costByCategory,
      BigDecimal cost,
      BigDecimal marginPercent,
      BigDecimal price,
      String estimatedBy,
      String estimatedAt) {
    static EstimateView of(Estimate e) {
      if (e == null) {
        return null;
      }
      Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
      for (CostCategory c : CostCategory.values()) {
        byCategory.put(c.name(), e.costByCategory().get(c));
      }
      return new EstimateView(
          e.lines().stream()
              .map(
                  l ->
                      new CostLineBody(
                          l.category().name(),
                          l.description(),
                          plain(l.quantity()),
                          plain(l.unitCost())))
              .toList(),
          byCategory,
          e.cost(),
          e.marginPercent(),
          e.price(),
          e.estimatedBy(),
          text(e.estimatedAt()));
    }
  }

  /** A BOM revision. */
  record BomView(
      int revision,
      String status,
      List<BomLineBody> lines,
      String createdBy,
      String createdAt,
      String releasedBy,
      String releasedAt) {
    static BomView of(Bom b) {
      return new BomView(
          b.revision(),
          b.status().name(),
          b.lines().stream()
              .map(l -> new BomLineBody(l.productCode(), plain(l.quantity())))
              .toList(),
          b.createdBy(),
          text(b.createdAt()),
          b.releasedBy(),
          text(b.releasedAt()));
    }
  }

  /** An engineering request. */
  record EngineeringRequestView(
      UUID id,
      UUID opportunityId,
      UUID accountId,
      String productCode,
      BigDecimal quantity,
      String specification,
      String status,
      FeasibilityView feasibility,
      EstimateView estimate,
      List<TaskBody> tasks,
      List<BomView> boms,
      List<AttachmentView> attachments,
      UUID quoteId,
      UUID projectCommandId,
      String projectCommand,
      UUID productionCommandId,
      String productionCommand,
      long version,
      String createdBy,
      String createdAt,
      String updatedAt) {
    static EngineeringRequestView of(EngineeringRequest r) {
      return new EngineeringRequestView(
          r.id(),
          r.opportunityId(),
          r.accountId(),
          r.productCode(),
          plain(r.quantity()),
          r.specification(),
          r.status().name(),
          r.feasibility() == null
              ? null
              : new FeasibilityView(
                  r.feasibility().verdict().name(),
                  r.feasibility().note(),
                  r.feasibility().decidedBy(),
                  text(r.feasibility().decidedAt())),
          EstimateView.of(r.estimate()),
          r.tasks().stream()
              .map(
                  t ->
                      new TaskBody(
                          t.name(), t.effortHours() == null ? null : plain(t.effortHours())))
              .toList(),
          r.boms().stream().map(BomView::of).toList(),
          r.attachments().stream().map(AttachmentView::of).toList(),
          r.quoteId(),
          r.projectCommandId(),
          r.projectCommand() == null ? null : r.projectCommand().name(),
          r.productionCommandId(),
          r.productionCommand() == null ? null : r.productionCommand().name(),
          r.version(),
          r.createdBy(),
          text(r.createdAt()),
          text(r.updatedAt()));
    }
  }

  static <E extends Enum<E>> E named(Class<E> type, String field, String text) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw Params.invalid(field, "must be one of " + String.join(", ", names));
    }
  }

  /** Without trailing zeros, never in exponent notation (1E+1 would be valid JSON, but odd). */
  static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
