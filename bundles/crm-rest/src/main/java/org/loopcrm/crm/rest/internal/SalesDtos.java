package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.LineDraft;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityLine;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineDraft;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageChange;
import org.loopcrm.crm.api.sales.StageKind;

/** The JSON shapes of pipelines and opportunities. */
final class SalesDtos {
  private SalesDtos() {}

  /** A stage, in and out. */
  record StageBody(
      String code,
      String name,
      StageKind kind,
      Integer probability,
      ForecastCategory forecastCategory,
      List<String> requiredFields,
      Set<GateCheck> gates) {
    Stage toStage(int index) {
      if (kind == null) {
        throw Params.invalid("stages[" + index + "].kind", "is required: OPEN, WON or LOST");
      }
      if (probability == null) {
        throw Params.invalid("stages[" + index + "].probability", "is required");
      }
      return new Stage(code, name, kind, probability, forecastCategory, requiredFields, gates);
    }

    static StageBody of(Stage s) {
      return new StageBody(
          s.code(),
          s.name(),
          s.kind(),
          s.probability(),
          s.forecastCategory(),
          s.requiredFields(),
          s.gates());
    }
  }

  /** Request body of a pipeline. */
  record PipelineBody(
      String code,
      String name,
      String description,
      Boolean defaultPipeline,
      Boolean active,
      List<StageBody> stages) {
    PipelineDraft toDraft() {
      List<StageBody> in = stages == null ? List.of() : stages;
      List<Stage> out = new java.util.ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        if (in.get(i) == null) {
          throw Params.invalid("stages[" + i + "]", "is required");
        }
        out.add(in.get(i).toStage(i));
      }
      return new PipelineDraft(
          code,
          name,
          description,
          defaultPipeline != null && defaultPipeline,
          active == null || active,
          out);
    }
  }

  /** A pipeline as the API shows it. */
  record PipelineView(
      String code,
      String name,
      String description,
      boolean defaultPipeline,
      boolean active,
      List<StageBody> stages,
      long version,
      String updatedAt) {
    static PipelineView of(Pipeline p) {
      return new PipelineView(
          p.code(),
          p.name(),
          p.description(),
          p.defaultPipeline(),
          p.active(),
          p.stages().stream().map(StageBody::of).toList(),
          p.version(),
          text(p.updatedAt()));
    }
  }

  /** The pipelines. */
  record PipelineList(List<PipelineView> items) {}

  /** Request body of an opportunity (create and update). */
  record OpportunityBody(
      UUID accountId,
      UUID contactId,
      String name,
      OpportunityType type,
      String pipeline,
      String stage,
      Integer probability,
      ForecastCategory forecastCategory,
      BigDecimal amount,
      String currency,
      String closeDate,
      String owner,
      String source,
      UUID leadId,
      String description,
      String nextStep,
      List<Competitor> competitors) {
    OpportunityDraft toDraft() {
      return new OpportunityDraft(
          accountId,
          contactId,
          name,
          type,
          pipeline,
          stage,
          probability,
          forecastCategory,
          amount,
          currency,
          Params.date("closeDate", closeDate),
          owner,
          source,
          leadId,
          description,
          nextStep,
          competitors);
    }
  }

  /** Body of a stage move, a win, a loss or a reopening. */
  record StageMoveBody(String stage, String reason, String lostTo) {}

  /** Body of a new line. */
  record LineBody(
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      UUID configurationId) {
    LineDraft toDraft() {
      return new LineDraft(
          productCode, description, quantity, unitPrice, discountPercent, configurationId);
    }
  }

  /** A line as the API shows it. */
  record LineView(
      UUID id,
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal total,
      UUID configurationId) {
    static LineView of(OpportunityLine l) {
      return new LineView(
          l.id(),
          l.productCode(),
          l.description(),
          l.quantity().stripTrailingZeros(),
          l.unitPrice().stripTrailingZeros(),
          l.discountPercent().stripTrailingZeros(),
          l.total(),
          l.configurationId());
    }
  }

  /** An opportunity as the API shows it. */
  record OpportunityView(
      UUID id,
      UUID accountId,
      UUID contactId,
      String name,
      OpportunityType type,
      String pipeline,
      String stage,
      StageKind status,
      int probability,
      ForecastCategory forecastCategory,
      BigDecimal amount,
      BigDecimal weightedAmount,
      String currency,
      String closeDate,
      String owner,
      String source,
      UUID leadId,
      String description,
      String nextStep,
      List<LineView> lines,
      List<Competitor> competitors,
      String closeReason,
      String lostTo,
      String closedAt,
      long version,
      String createdAt,
      String updatedAt) {
    static OpportunityView of(Opportunity o) {
      return new OpportunityView(
          o.id(),
          o.accountId(),
          o.contactId(),
          o.name(),
          o.type(),
          o.pipeline(),
          o.stage(),
          o.status(),
          o.probability(),
          o.forecastCategory(),
          o.amount(),
          o.weightedAmount(),
          o.currency(),
          text(o.closeDate()),
          o.owner(),
          o.source(),
          o.leadId(),
          o.description(),
          o.nextStep(),
          o.lines().stream().map(LineView::of).toList(),
          o.competitors(),
          o.closeReason(),
          o.lostTo(),
          text(o.closedAt()),
          o.version(),
          text(o.createdAt()),
          text(o.updatedAt()));
    }
  }

  /** A page of opportunities. */
  record OpportunityPage(List<OpportunityView> items, String nextCursor) {
    static OpportunityPage of(Page<Opportunity> page) {
      return new OpportunityPage(
          page.items().stream().map(OpportunityView::of).toList(), page.nextCursor().orElse(null));
    }
  }

  /** One stage change. */
  record StageChangeView(
      String at,
      String by,
      String fromStage,
      String toStage,
      int probability,
      ForecastCategory forecastCategory,
      BigDecimal amount,
      String reason) {
    static StageChangeView of(StageChange c) {
      return new StageChangeView(
          text(c.at()),
          c.by(),
          c.fromStage(),
          c.toStage(),
          c.probability(),
          c.forecastCategory(),
          c.amount(),
          c.reason());
    }
  }

  /** An opportunity's stage history. */
  record StageHistory(List<StageChangeView> items) {}

  /** One entry of an opportunity's timeline. */
  record OpportunityEventView(
      String at, String kind, String title, String detail, String by, String ref) {
    static OpportunityEventView of(org.loopcrm.crm.api.sales.OpportunityEvent e) {
      return new OpportunityEventView(
          text(e.at()), e.kind(), e.title(), e.detail(), e.by(), e.ref());
    }
  }

  /** An opportunity's timeline, oldest first. */
  record OpportunityTimeline(List<OpportunityEventView> items) {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
