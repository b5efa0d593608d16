package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.ConversionCandidate;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadActivity;
import org.loopcrm.crm.api.lead.LeadConsent;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadForm;
import org.loopcrm.crm.api.lead.LeadFormDraft;
import org.loopcrm.crm.api.lead.LeadScore;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.api.lead.PossibleDuplicate;
import org.loopcrm.crm.api.lead.ScoringRule;

/** The JSON shapes of leads, web forms and scoring rules. */
final class LeadDtos {
  private LeadDtos() {}

  /** Consent as it is sent with a lead. */
  record ConsentBody(String purpose, String textVersion, String givenAt, String ip) {}

  /** A lead as it is created or replaced. */
  record LeadBody(
      String firstName,
      String lastName,
      String company,
      String title,
      String email,
      String phone,
      String country,
      String region,
      String postcode,
      String industry,
      Integer employees,
      String source,
      String campaign,
      String owner,
      ConsentBody consent) {
    LeadDraft toDraft() {
      LeadConsent c =
          consent == null
              ? null
              : new LeadConsent(
                  consent.purpose(),
                  consent.textVersion(),
                  Params.instant("consent.givenAt", consent.givenAt()),
                  consent.ip());
      return new LeadDraft(
          firstName, lastName, company, title, email, phone, country, region, postcode, industry,
          employees, source, campaign, owner, c);
    }
  }

  /** A lead as the API shows it. */
  record LeadView(
      UUID id,
      String status,
      String disqualifiedReason,
      String firstName,
      String lastName,
      String company,
      String title,
      String email,
      String phone,
      String country,
      String region,
      String postcode,
      String industry,
      Integer employees,
      String source,
      String campaign,
      String owner,
      ConsentBody consent,
      int score,
      List<DuplicateView> possibleDuplicates,
      String formKey,
      UUID accountId,
      UUID contactId,
      UUID opportunityId,
      String convertedAt,
      long version,
      String createdAt,
      String updatedAt) {
    static LeadView of(Lead l) {
      LeadDraft d = l.draft();
      LeadConsent c = d.consent();
      return new LeadView(
          l.id(),
          l.status().name(),
          l.disqualifiedReason(),
          d.firstName(),
          d.lastName(),
          d.company(),
          d.title(),
          d.email(),
          d.phone(),
          d.country(),
          d.region(),
          d.postcode(),
          d.industry(),
          d.employees(),
          d.source(),
          d.campaign(),
          d.owner(),
          c == null
              ? null
              : new ConsentBody(c.purpose(), c.textVersion(), text(c.givenAt()), c.ip()),
          l.score(),
          l.duplicates().stream().map(DuplicateView::of).toList(),
          l.formKey(),
          l.accountId(),
          l.contactId(),
          l.opportunityId(),
          text(l.convertedAt()),
          l.version(),
          text(l.createdAt()),
          text(l.updatedAt()));
    }
  }

  /** A record the lead may duplicate. */
  record DuplicateView(String kind, UUID id, String name, String reason) {
    static DuplicateView of(PossibleDuplicate d) {
      return new DuplicateView(d.kind(), d.id(), d.name(), d.reason());
    }
  }

  /** A page of leads. */
  record LeadPage(List<LeadView> items, String nextCursor) {}

  /** A status change. */
  record StatusBody(String status, String reason) {
    LeadStatus target() {
      List<FieldError> errors = new ArrayList<>();
      LeadStatus s = AssignmentDtos.parse(LeadStatus.class, "status", status, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return s;
    }
  }

  /** An activity as it is logged. */
  record ActivityBody(String kind, String note) {}

  /** An activity as the API shows it. */
  record ActivityView(UUID id, String kind, String note, String occurredAt, String createdBy) {
    static ActivityView of(LeadActivity a) {
      return new ActivityView(a.id(), a.kind(), a.note(), text(a.occurredAt()), a.createdBy());
    }
  }

  /** The score with its contributions. */
  record ScoreView(
      UUID leadId, int total, List<ContributionView> contributions, String computedAt) {
    static ScoreView of(LeadScore s) {
      return new ScoreView(
          s.leadId(),
          s.total(),
          s.contributions().stream()
              .map(c -> new ContributionView(c.rule(), c.points(), c.detail()))
              .toList(),
          text(s.computedAt()));
    }
  }

  /** One rule's share of a score. */
  record ContributionView(String rule, BigDecimal points, String detail) {}

  /** An account or contact offered for merging. */
  record CandidateView(String kind, UUID id, UUID accountId, String name, String reason) {
    static CandidateView of(ConversionCandidate c) {
      return new CandidateView(c.kind(), c.id(), c.accountId(), c.name(), c.reason());
    }
  }

  /** How to convert. */
  record ConvertBody(String accountId, String contactId, OpportunityBody createOpportunity) {
    Conversion toConversion() {
      return new Conversion(
          Params.uuid("accountId", accountId),
          Params.uuid("contactId", contactId),
          createOpportunity == null
              ? null
              : new Conversion.OpportunityRequest(
                  createOpportunity.name(),
                  createOpportunity.amount(),
                  Params.date("createOpportunity.closeDate", createOpportunity.closeDate())));
    }
  }

  /** The opportunity to create at conversion. */
  record OpportunityBody(String name, BigDecimal amount, String closeDate) {}

  /** What a conversion did. */
  record ConversionView(
      LeadView lead,
      UUID accountId,
      boolean accountCreated,
      UUID contactId,
      boolean contactCreated,
      UUID opportunityId) {
    static ConversionView of(Conversion.Result r) {
      return new ConversionView(
          LeadView.of(r.lead()),
          r.accountId(),
          r.accountCreated(),
          r.contactId(),
          r.contactCreated(),
          r.opportunityId());
    }
  }

  /** A web form as it is created or replaced. */
  record FormBody(
      String key,
      String name,
      Boolean enabled,
      List<String> allowedFields,
      String consentPurpose,
      String consentText,
      String consentTextVersion,
      String redirectUrl,
      Integer ratePerMinute,
      String honeypotField,
      String source,
      String campaign) {
    LeadFormDraft toDraft() {
      return new LeadFormDraft(
          key,
          name,
          enabled == null || enabled,
          allowedFields,
          consentPurpose,
          consentText,
          consentTextVersion,
          redirectUrl,
          ratePerMinute == null ? 10 : ratePerMinute,
          honeypotField,
          source,
          campaign);
    }
  }

  /** A web form as the API shows it. */
  record FormView(
      UUID id,
      String key,
      String name,
      boolean enabled,
      List<String> allowedFields,
      String consentPurpose,
      String consentText,
      String consentTextVersion,
      String redirectUrl,
      int ratePerMinute,
      String honeypotField,
      String source,
      String campaign,
      String publicPath,
      long version) {
    static FormView of(LeadForm f) {
      return new FormView(
          f.id(),
          f.key(),
          f.name(),
          f.enabled(),
          f.allowedFields(),
          f.consentPurpose(),
          f.consentText(),
          f.consentTextVersion(),
          f.redirectUrl(),
          f.ratePerMinute(),
          f.honeypotField(),
          f.source(),
          f.campaign(),
          "/crm/api/v1/public/leads/" + f.key(),
          f.version());
    }
  }

  /** All web forms. */
  record FormList(List<FormView> items) {}

  /** A scoring rule as it is written and shown. */
  record ScoringRuleBody(
      UUID id,
      String name,
      String field,
      String operator,
      List<String> values,
      String activityKind,
      Integer points,
      Integer halfLifeDays,
      Boolean active,
      Long version) {
    ScoringRule toRule() {
      if (points == null) {
        throw new ValidationException(List.of(new FieldError("points", "is required")));
      }
      return new ScoringRule(
          null,
          name,
          field,
          operator,
          values,
          activityKind,
          points,
          halfLifeDays,
          active == null || active,
          0);
    }

    static ScoringRuleBody of(ScoringRule r) {
      return new ScoringRuleBody(
          r.id(),
          r.name(),
          r.field(),
          r.operator(),
          r.values(),
          r.activityKind(),
          r.points(),
          r.halfLifeDays(),
          r.active(),
          r.version());
    }
  }

  /** All scoring rules. */
  record ScoringRuleList(List<ScoringRuleBody> items) {}

  /** How many leads a re-scoring changed. */
  record RescoreView(int changed) {}

  /** What the public endpoint answers: the same whether kept or dropped as a bot's. */
  record ReceivedView(boolean received) {}

  /** One row of a CSV import. */
  record ImportRowView(int row, UUID leadId, List<ErrorView> errors) {}

  /** A field error of an import row. */
  record ErrorView(String field, String message) {}

  /** What a CSV import did, row by row. */
  record ImportReport(int rows, int created, int failed, List<ImportRowView> results) {}

  static String text(java.time.Instant i) {
    return i == null ? null : i.toString();
  }
}
