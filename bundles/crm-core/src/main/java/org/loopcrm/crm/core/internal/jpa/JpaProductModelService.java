package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.cto.ConfigurationSolver;
import org.loopcrm.crm.api.cto.ConfiguratorUnavailableException;
import org.loopcrm.crm.api.cto.ModelStatus;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.ProductModelService;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Product models over JPA: one row per revision, the definition as JSON, checked by the
 * configurator's solver before it is stored (decisions.md §28). Every change is audited.
 */
@Component(service = ProductModelService.class)
public final class JpaProductModelService implements ProductModelService {
  static final String RECORD = "product-model";
  private static final int MAX_LIMIT = 200;

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
  public JpaProductModelService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference(
              cardinality = ReferenceCardinality.OPTIONAL,
              policyOption = ReferencePolicyOption.GREEDY)
          ConfigurationSolver solver) {
    this(emf, Clock.systemUTC(), solver);
  }

  JpaProductModelService(EntityManagerFactory emf, Clock clock, ConfigurationSolver solver) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.solver = solver;
  }

  @Override
  public ProductModel create(Actor actor, ProductModelDefinition definition) {
    require(actor, Resource.PRODUCT_MODEL, Action.CREATE);
    check(definition);
    return tx.inTransaction(
        em -> {
          if (!revisions(em, definition.code()).isEmpty()) {
            throw new ConflictException("product model " + definition.code() + " exists already");
          }
          Instant now = clock.instant();
          ProductModelEntity e = new ProductModelEntity();
          e.id = UUID.randomUUID().toString();
          e.code = definition.code();
          e.revision = 1;
          e.status = ModelStatus.DRAFT;
          e.createdBy = actor.user();
          e.createdAt = now;
          write(e, definition, now);
          em.persist(e);
          em.flush();
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, e.id, null, image(e), now);
          return toModel(e);
        });
  }

  @Override
  public ProductModel get(Actor actor, String code) {
    require(actor, Resource.PRODUCT_MODEL, Action.READ);
    return tx.readOnly(em -> toModel(latest(em, code)));
  }

  @Override
  public ProductModel get(Actor actor, String code, int revision) {
    require(actor, Resource.PRODUCT_MODEL, Action.READ);
    return tx.readOnly(
        em ->
            revisions(em, code).stream()
                .filter(e -> e.revision == revision)
                .findFirst()
                .map(JpaProductModelService::toModel)
                .orElseThrow(
                    () -> new NotFoundException("product model revision", code + "/" + revision)));
  }

  @Override
  public List<ProductModel> revisions(Actor actor, String code) {
    require(actor, Resource.PRODUCT_MODEL, Action.READ);
    return tx.readOnly(
        em -> {
          List<ProductModelEntity> all = revisions(em, code);
          if (all.isEmpty()) {
            throw notFound(code);
          }
          return all.stream().map(JpaProductModelService::toModel).toList();
        });
  }

  @Override
  public Page<ProductModel> list(Actor actor, int limit, String cursor) {
    require(actor, Resource.PRODUCT_MODEL, Action.READ);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    String after = cursor == null ? "" : decodeCursor(cursor);
    return tx.readOnly(
        em -> {
          List<ProductModelEntity> rows =
              em.createQuery(
                      "select m from ProductModelEntity m where m.code > :after and m.revision ="
                          + " (select max(x.revision) from ProductModelEntity x where x.code ="
                          + " m.code) order by m.code",
                      ProductModelEntity.class)
                  .setParameter("after", after)
                  .setMaxResults(limit + 1)
                  .getResultList();
          List<ProductModel> items = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(toModel(rows.get(i)));
          }
          Optional<String> next =
              rows.size() > limit
                  ? Optional.of(encodeCursor(rows.get(limit - 1).code))
                  : Optional.empty();
          return new Page<>(items, next);
        });
  }

  @Override
  public ProductModel update(
      Actor actor, String code, long expectedVersion, ProductModelDefinition definition) {
    require(actor, Resource.PRODUCT_MODEL, Action.UPDATE);
    if (definition != null && !code.equals(definition.code())) {
      throw new ValidationException(
          List.of(new FieldError("code", "cannot change (the model is " + code + ")")));
    }
    check(definition);
    return tx.inTransaction(
        em -> {
          ProductModelEntity e = latest(em, code);
          checkVersion(e, expectedVersion);
          if (e.status != ModelStatus.DRAFT) {
            throw new ConflictException(
                "revision "
                    + e.revision
                    + " of "
                    + code
                    + " is "
                    + e.status
                    + ": a released revision never changes; start a new revision");
          }
          Map<String, Object> before = image(e);
          Instant now = clock.instant();
          write(e, definition, now);
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, e.id, before, image(e), now);
          return toModel(e);
        });
  }

  @Override
  public ProductModel revise(Actor actor, String code) {
    require(actor, Resource.PRODUCT_MODEL, Action.CREATE);
    return tx.inTransaction(
        em -> {
          ProductModelEntity last = latest(em, code);
          if (last.status == ModelStatus.DRAFT) {
            throw new ConflictException(
                "revision " + last.revision + " of " + code + " is a draft already: edit it");
          }
          Instant now = clock.instant();
          ProductModelEntity e = new ProductModelEntity();
          e.id = UUID.randomUUID().toString();
          e.code = code;
          e.revision = last.revision + 1;
          e.status = ModelStatus.DRAFT;
          e.name = last.name;
          e.definition = last.definition;
          e.createdBy = actor.user();
          e.createdAt = now;
          e.updatedAt = now;
          em.persist(e);
          em.flush();
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, e.id, null, image(e), now);
          return toModel(e);
        });
  }

  @Override
  public ProductModel release(Actor actor, String code, long expectedVersion) {
    require(actor, Resource.PRODUCT_MODEL, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          List<ProductModelEntity> all = revisions(em, code);
          if (all.isEmpty()) {
            throw notFound(code);
          }
          ProductModelEntity e = all.get(all.size() - 1);
          checkVersion(e, expectedVersion);
          move(e, ModelStatus.RELEASED);
          Instant now = clock.instant();
          for (ProductModelEntity older : all) {
            if (older != e && older.status == ModelStatus.RELEASED) {
              Map<String, Object> before = image(older);
              older.status = ModelStatus.RETIRED;
              older.updatedAt = now;
              AuditLog.record(
                  em, actor, AuditAction.UPDATE, RECORD, older.id, before, image(older), now);
            }
          }
          Map<String, Object> before = image(e);
          e.status = ModelStatus.RELEASED;
          e.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, e.id, before, image(e), now);
          return toModel(e);
        });
  }

  @Override
  public ProductModel retire(Actor actor, String code, long expectedVersion) {
    require(actor, Resource.PRODUCT_MODEL, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          ProductModelEntity e = latest(em, code);
          checkVersion(e, expectedVersion);
          move(e, ModelStatus.RETIRED);
          Map<String, Object> before = image(e);
          Instant now = clock.instant();
          e.status = ModelStatus.RETIRED;
          e.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, e.id, before, image(e), now);
          return toModel(e);
        });
  }

  @Override
  public void delete(Actor actor, String code, long expectedVersion) {
    require(actor, Resource.PRODUCT_MODEL, Action.DELETE);
    tx.inTransaction(
        em -> {
          List<ProductModelEntity> all = revisions(em, code);
          if (all.isEmpty()) {
            throw notFound(code);
          }
          ProductModelEntity e = all.get(all.size() - 1);
          checkVersion(e, expectedVersion);
          if (all.size() > 1 || e.status != ModelStatus.DRAFT) {
            throw new ConflictException(
                "product model " + code + " was released: retire it instead of deleting it");
          }
          Map<String, Object> before = image(e);
          em.remove(e);
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.DELETE, RECORD, e.id, before, null, clock.instant());
          return null;
        });
  }

  private void check(ProductModelDefinition definition) {
    if (definition == null) {
      throw new ValidationException(List.of(new FieldError("definition", "is required")));
    }
    List<FieldError> errors = solver().check(definition);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void move(ProductModelEntity e, ModelStatus next) {
    if (!e.status.canMoveTo(next)) {
      throw new ConflictException(
          "revision "
              + e.revision
              + " of "
              + e.code
              + " is "
              + e.status
              + " and cannot become "
              + next);
    }
  }

  private static void checkVersion(ProductModelEntity e, long expected) {
    if (expected >= 0 && e.version != expected) {
      throw new StaleVersionException("product model", e.code, expected, e.version);
    }
  }

  private static void write(ProductModelEntity e, ProductModelDefinition d, Instant now) {
    e.name = d.name();
    e.definition = ProductModelJson.write(d);
    e.updatedAt = now;
  }

  static List<ProductModelEntity> revisions(EntityManager em, String code) {
    return em.createQuery(
            "select m from ProductModelEntity m where m.code = :c order by m.revision",
            ProductModelEntity.class)
        .setParameter("c", code)
        .getResultList();
  }

  static ProductModelEntity latest(EntityManager em, String code) {
    List<ProductModelEntity> all = revisions(em, code);
    if (all.isEmpty()) {
      throw notFound(code);
    }
    return all.get(all.size() - 1);
  }

  static NotFoundException notFound(String code) {
    return new NotFoundException("product model", code);
  }

  static ProductModel toModel(ProductModelEntity e) {
    return new ProductModel(
        UUID.fromString(e.id),
        e.revision,
        e.status,
        ProductModelJson.read(e.definition),
        e.version,
        e.createdBy,
        e.createdAt,
        e.updatedAt);
  }

  private static Map<String, Object> image(ProductModelEntity e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", e.code);
    m.put("revision", e.revision);
    m.put("status", e.status.name());
    m.put("name", e.name);
    m.put("definition", e.definition);
    return m;
  }

  private static String encodeCursor(String code) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("pm|" + code).getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (s.startsWith("pm|")) {
        return s.substring(3);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the validation error
    }
    throw new ValidationException(
        List.of(new FieldError("cursor", "is not a cursor of this listing")));
  }

  private ConfigurationSolver solver() {
    ConfigurationSolver s = solver;
    if (s == null) {
      throw new ConfiguratorUnavailableException();
    }
    return s;
  }
}
