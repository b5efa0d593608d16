package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.ConfigurationSolver;
import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.api.cto.ConfiguratorUnavailableException;
import org.loopcrm.crm.api.cto.ModelStatus;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The configurator: reads the model revision in the database, lets the solver propagate, and stores
 * complete configurations immutably (decisions.md §28). The solver runs outside any transaction.
 */
@Component(service = ConfiguratorService.class)
public final class JpaConfiguratorService implements ConfiguratorService {
  static final String RECORD = "configuration";

  private final Transactions tx;
  private final Clock clock;

  /** The solver, or null while crm-configurator does not run. */
  private final ConfigurationSolver solver;

  /**
   * Wired by DS once the schema is migrated and the persistence unit is up. The solver is optional
   * (a mandatory reference would be a bundle requirement the crm-core feature alone cannot meet)
   * and greedy: when crm-configurator starts, the component is activated again with it, so a caller
   * that got this service after the solver came never sees it missing.
   */
  @Activate
  public JpaConfiguratorService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference(
              cardinality = ReferenceCardinality.OPTIONAL,
              policyOption = ReferencePolicyOption.GREEDY)
          ConfigurationSolver solver) {
    this(emf, Clock.systemUTC(), solver);
  }

  JpaConfiguratorService(EntityManagerFactory emf, Clock clock, ConfigurationSolver solver) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.solver = solver;
  }

  @Override
  public Propagation configure(Actor actor, String modelCode, Map<String, String> selections) {
    require(actor, Resource.CONFIGURATION, Action.READ);
    ProductModelEntity e = tx.readOnly(em -> configurable(em, modelCode, false));
    return solver()
        .configure(
            ProductModelJson.read(e.definition),
            e.revision,
            selections == null ? Map.of() : selections);
  }

  @Override
  public Configuration save(Actor actor, String modelCode, Map<String, String> selections) {
    require(actor, Resource.CONFIGURATION, Action.CREATE);
    ProductModelEntity model = tx.readOnly(em -> configurable(em, modelCode, true));
    var definition = ProductModelJson.read(model.definition);
    Propagation p =
        solver().configure(definition, model.revision, selections == null ? Map.of() : selections);
    if (!p.valid()) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "selections",
                  "break the model's rules: "
                      + String.join(
                          "; ", p.broken().stream().map(BrokenConstraint::label).toList()))));
    }
    if (!p.complete()) {
      List<String> open =
          definition.attributes().stream()
              .map(Attribute::code)
              .filter(c -> !p.selections().containsKey(c))
              .toList();
      throw new ValidationException(
          List.of(
              new FieldError(
                  "selections", "are incomplete: choose " + String.join(", ", open) + " too")));
    }
    Instant now = clock.instant();
    Configuration c =
        new Configuration(
            UUID.randomUUID(),
            definition.code(),
            model.revision,
            definition.erpProductCode(),
            new LinkedHashMap<>(p.selections()),
            p.currency(),
            p.price(),
            p.total(),
            p.bom(),
            p.routing(),
            actor.user(),
            now);
    return tx.inTransaction(
        em -> {
          ProductModelEntity current = em.find(ProductModelEntity.class, model.id);
          if (current == null
              || current.status != ModelStatus.RELEASED
              || current.version != model.version) {
            throw new ConflictException(
                "product model " + modelCode + " changed while configuring: configure it again");
          }
          ConfigurationEntity e = new ConfigurationEntity();
          e.id = c.id().toString();
          e.modelId = model.id;
          e.modelCode = c.modelCode();
          e.revision = c.revision();
          e.currency = c.currency();
          e.total = c.total();
          e.content = ProductModelJson.writeConfiguration(c);
          e.createdBy = c.createdBy();
          e.createdAt = now;
          em.persist(e);
          em.flush();
          Map<String, Object> image = new LinkedHashMap<>();
          image.put("model", c.modelCode());
          image.put("revision", c.revision());
          image.put("total", c.total());
          image.put("selections", new LinkedHashMap<>(c.selections()));
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, e.id, null, image, now);
          return c;
        });
  }

  @Override
  public Configuration get(Actor actor, UUID id) {
    require(actor, Resource.CONFIGURATION, Action.READ);
    return tx.readOnly(
        em -> {
          ConfigurationEntity e = em.find(ConfigurationEntity.class, id.toString());
          if (e == null) {
            throw new NotFoundException("configuration", id);
          }
          ProductModelJson.StoredConfiguration s = ProductModelJson.readConfiguration(e.content);
          return new Configuration(
              UUID.fromString(e.id),
              e.modelCode,
              e.revision,
              s.erpProductCode(),
              s.selections(),
              e.currency,
              s.price(),
              e.total.setScale(2, java.math.RoundingMode.HALF_UP),
              s.bom(),
              s.routing(),
              e.createdBy,
              e.createdAt);
        });
  }

  /**
   * The revision a configuration is made of: the released one; for a try, the draft of a model
   * never released.
   */
  private static ProductModelEntity configurable(
      javax.persistence.EntityManager em, String code, boolean releasedOnly) {
    List<ProductModelEntity> all = JpaProductModelService.revisions(em, code);
    if (all.isEmpty()) {
      throw JpaProductModelService.notFound(code);
    }
    for (ProductModelEntity e : all) {
      if (e.status == ModelStatus.RELEASED) {
        return e;
      }
    }
    ProductModelEntity first = all.get(0);
    if (!releasedOnly && all.size() == 1 && first.status == ModelStatus.DRAFT) {
      return first;
    }
    throw new ConflictException(
        "product model "
            + code
            + (first.status == ModelStatus.DRAFT && all.size() == 1
                ? " is a draft: release it before saving configurations"
                : " has no released revision"));
  }

  private ConfigurationSolver solver() {
    ConfigurationSolver s = solver;
    if (s == null) {
      throw new ConfiguratorUnavailableException();
    }
    return s;
  }
}
