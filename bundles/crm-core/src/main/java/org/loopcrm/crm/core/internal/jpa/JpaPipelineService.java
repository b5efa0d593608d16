package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineDraft;
import org.loopcrm.crm.api.sales.PipelineService;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sales pipelines over JPA. A pipeline is checked as a whole on every change: open stages first,
 * then at least one WON (probability 100, CLOSED) and one LOST (probability 0, OMITTED) stage; a
 * change may not take away a stage an opportunity stands in, or change its kind (decisions.md §31).
 */
@Component(service = PipelineService.class)
public final class JpaPipelineService implements PipelineService {
  static final String RECORD = "pipeline";
  static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final int MAX_STAGES = 30;

  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated. */
  @Activate
  public JpaPipelineService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaPipelineService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  @Override
  public List<Pipeline> pipelines(Actor actor) {
    require(actor, Resource.PIPELINE, Action.READ);
    return tx.readOnly(
        em ->
            em
                .createQuery("select p from PipelineEntity p", PipelineEntity.class)
                .getResultList()
                .stream()
                .map(JpaPipelineService::toPipeline)
                .sorted(
                    Comparator.comparing((Pipeline p) -> !p.defaultPipeline())
                        .thenComparing(Pipeline::code))
                .toList());
  }

  @Override
  public Pipeline pipeline(Actor actor, String code) {
    require(actor, Resource.PIPELINE, Action.READ);
    return tx.readOnly(em -> toPipeline(find(em, code)));
  }

  @Override
  public Pipeline define(Actor actor, PipelineDraft draft) {
    require(actor, Resource.PIPELINE, Action.CREATE);
    check(draft);
    return tx.inTransaction(
        em -> {
          if (em.find(PipelineEntity.class, draft.code()) != null) {
            throw new ConflictException("pipeline " + draft.code() + " exists already");
          }
          Instant now = now();
          PipelineEntity p = new PipelineEntity();
          p.code = draft.code();
          apply(p, draft, actor, now);
          if (draft.defaultPipeline()) {
            clearDefault(em, p.code);
          }
          em.persist(p);
          em.flush();
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, p.code, null, image(p), now);
          return toPipeline(p);
        });
  }

  @Override
  public Pipeline update(Actor actor, String code, long expectedVersion, PipelineDraft draft) {
    require(actor, Resource.PIPELINE, Action.UPDATE);
    if (draft != null && draft.code() == null) {
      draft =
          new PipelineDraft(
              code,
              draft.name(),
              draft.description(),
              draft.defaultPipeline(),
              draft.active(),
              draft.stages());
    }
    check(draft);
    if (!draft.code().equals(code)) {
      throw new ValidationException(List.of(new FieldError("code", "cannot change")));
    }
    PipelineDraft d = draft;
    return tx.inTransaction(
        em -> {
          PipelineEntity p = find(em, code);
          em.lock(p, LockModeType.PESSIMISTIC_WRITE);
          if (p.version != expectedVersion) {
            throw new StaleVersionException(RECORD, code, expectedVersion, p.version);
          }
          if (p.defaultPipeline && !d.defaultPipeline()) {
            throw new ValidationException(
                List.of(
                    new FieldError(
                        "defaultPipeline",
                        "there must be a default pipeline: make another one the default instead")));
          }
          checkStagesInUse(em, p, d.stages());
          Map<String, Object> before = image(p);
          Instant now = now();
          apply(p, d, actor, now);
          if (d.defaultPipeline()) {
            clearDefault(em, p.code);
          }
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, p.code, before, image(p), now);
          return toPipeline(p);
        });
  }

  // ---------------------------------------------------------------------------------------------

  /** The pipeline, or the default one when {@code code} is null. */
  static PipelineEntity find(EntityManager em, String code) {
    if (code == null) {
      List<PipelineEntity> d =
          em.createQuery(
                  "select p from PipelineEntity p where p.defaultPipeline = true",
                  PipelineEntity.class)
              .getResultList();
      if (d.isEmpty()) {
        throw new NotFoundException("default pipeline", "(none)");
      }
      return d.get(0);
    }
    PipelineEntity p = em.find(PipelineEntity.class, code);
    if (p == null) {
      throw new NotFoundException("pipeline", code);
    }
    return p;
  }

  private static void clearDefault(EntityManager em, String except) {
    em.createQuery(
            "update PipelineEntity p set p.defaultPipeline = false, p.version = p.version + 1"
                + " where p.defaultPipeline = true and p.code <> :code")
        .setParameter("code", except)
        .executeUpdate();
  }

  /** Stages opportunities stand in must stay, with their kind. */
  private static void checkStagesInUse(EntityManager em, PipelineEntity p, List<Stage> next) {
    List<Stage> now = SalesJson.readStages(p.stages);
    List<Object[]> used =
        em.createQuery(
                "select o.stage, count(o) from OpportunityEntity o where o.pipeline = :p"
                    + " group by o.stage",
                Object[].class)
            .setParameter("p", p.code)
            .getResultList();
    List<String> problems = new ArrayList<>();
    for (Object[] row : used) {
      String stage = (String) row[0];
      long n = ((Number) row[1]).longValue();
      StageKind kind =
          now.stream()
              .filter(s -> s.code().equals(stage))
              .map(Stage::kind)
              .findFirst()
              .orElse(null);
      Stage then = next.stream().filter(s -> s.code().equals(stage)).findFirst().orElse(null);
      if (then == null) {
        problems.add("stage " + stage + " has " + n + " opportunities and cannot be removed");
      } else if (kind != null && then.kind() != kind) {
        problems.add(
            "stage " + stage + " has " + n + " opportunities and cannot change from " + kind);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConflictException(
          "pipeline " + p.code + ": " + String.join("; ", problems) + ": move them first");
    }
  }

  private void apply(PipelineEntity p, PipelineDraft d, Actor actor, Instant now) {
    p.name = d.name().strip();
    p.description = blankToNull(d.description());
    p.defaultPipeline = d.defaultPipeline();
    p.active = d.active();
    p.stages = SalesJson.writeStages(d.stages());
    p.updatedAt = now;
    p.updatedBy = actor.user();
  }

  /** Checks a pipeline as a whole. */
  static void check(PipelineDraft d) {
    List<FieldError> errors = new ArrayList<>();
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("", "a pipeline is required")));
    }
    if (d.code() == null || !CODE.matcher(d.code()).matches()) {
      errors.add(new FieldError("code", "must be 1 to 40 letters, digits, '-' or '_'"));
    }
    if (d.name() == null || d.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (d.name().length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    }
    if (d.description() != null && d.description().length() > 2000) {
      errors.add(new FieldError("description", "must be at most 2000 characters"));
    }
    if (d.defaultPipeline() && !d.active()) {
      errors.add(new FieldError("active", "the default pipeline must be active"));
    }
    List<Stage> stages = d.stages();
    if (stages.size() < 3 || stages.size() > MAX_STAGES) {
      errors.add(
          new FieldError(
              "stages",
              "must have 3 to " + MAX_STAGES + " stages: at least one open, one WON and one LOST"));
    }
    Set<String> codes = new HashSet<>();
    boolean closedSeen = false;
    boolean won = false;
    boolean lost = false;
    boolean open = false;
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      String at = "stages[" + i + "].";
      if (s.code() == null || !CODE.matcher(s.code()).matches()) {
        errors.add(new FieldError(at + "code", "must be 1 to 40 letters, digits, '-' or '_'"));
      } else if (!codes.add(s.code())) {
        errors.add(new FieldError(at + "code", "is used by an earlier stage"));
      }
      if (s.name() == null || s.name().isBlank() || s.name().length() > 100) {
        errors.add(new FieldError(at + "name", "is required, at most 100 characters"));
      }
      if (s.probability() < 0 || s.probability() > 100) {
        errors.add(new FieldError(at + "probability", "must be between 0 and 100"));
      }
      if (s.forecastCategory() == null) {
        errors.add(new FieldError(at + "forecastCategory", "is required"));
      }
      for (String f : s.requiredFields()) {
        if (!Opportunity.FIELDS.contains(f)) {
          errors.add(
              new FieldError(
                  at + "requiredFields",
                  f + " is no opportunity field; one of " + String.join(", ", fields())));
        }
      }
      switch (s.kind()) {
        case OPEN -> {
          open = true;
          if (closedSeen) {
            errors.add(new FieldError(at + "kind", "open stages come before WON and LOST ones"));
          }
          if (s.forecastCategory() == ForecastCategory.CLOSED) {
            errors.add(new FieldError(at + "forecastCategory", "CLOSED is for WON stages"));
          }
        }
        case WON -> {
          won = true;
          closedSeen = true;
          if (s.probability() != 100 || s.forecastCategory() != ForecastCategory.CLOSED) {
            errors.add(
                new FieldError(at + "probability", "a WON stage has probability 100, CLOSED"));
          }
        }
        case LOST -> {
          lost = true;
          closedSeen = true;
          if (s.probability() != 0 || s.forecastCategory() != ForecastCategory.OMITTED) {
            errors.add(
                new FieldError(at + "probability", "a LOST stage has probability 0, OMITTED"));
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    if (!stages.isEmpty() && !(open && won && lost)) {
      errors.add(new FieldError("stages", "need at least one open, one WON and one LOST stage"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static List<String> fields() {
    return Opportunity.FIELDS.stream().sorted().toList();
  }

  static Pipeline toPipeline(PipelineEntity p) {
    return new Pipeline(
        p.code,
        p.name,
        p.description,
        p.defaultPipeline,
        p.active,
        SalesJson.readStages(p.stages),
        p.version,
        p.updatedAt);
  }

  private static Map<String, Object> image(PipelineEntity p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code);
    m.put("name", p.name);
    m.put("description", p.description);
    m.put("defaultPipeline", p.defaultPipeline);
    m.put("active", p.active);
    m.put("stages", p.stages);
    return m;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
