package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.ModelStatus;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.configurator.internal.ChocoConfigurationSolver;
import org.loopcrm.crm.configurator.internal.demo.IndustrialDoor;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/**
 * Product models, the configurator and saved configurations (decisions.md §28), on each database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductModelsContract {
  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaProductModelService models;
  private JpaConfiguratorService configurator;
  private JpaAuditService audit;
  private final Actor admin = user(Role.CRM_ADMIN);
  private final Actor manager = user(Role.CRM_MANAGER);
  private final Actor sales = user(Role.CRM_SALES);
  private final Actor viewer = user(Role.CRM_VIEWER);

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    clock.set(java.time.Instant.now());
    ChocoConfigurationSolver solver = new ChocoConfigurationSolver();
    models = new JpaProductModelService(emf, clock, solver);
    configurator = new JpaConfiguratorService(emf, clock, solver);
    audit = new JpaAuditService(emf);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static Actor user(Role role) {
    return new Actor(
        role.realmName() + "-" + UUID.randomUUID().toString().substring(0, 6),
        Set.of(role),
        Actor.Channel.REST);
  }

  private static ProductModelDefinition door(String code) {
    ProductModelDefinition d = IndustrialDoor.definition();
    return new ProductModelDefinition(
        code,
        d.name(),
        d.erpProductCode(),
        d.currency(),
        d.basePrice(),
        d.attributes(),
        d.constraints(),
        d.pricing(),
        d.bom(),
        d.routing());
  }

  private static String code() {
    return "DOOR-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static final Map<String, String> COMPLETE =
      Map.of(
          "type",
          "SECTIONAL",
          "width",
          "4000",
          "height",
          "4000",
          "panel",
          "STEEL80",
          "colour",
          "CUSTOM",
          "drive",
          "M2",
          "windows",
          "true",
          "wicket",
          "true",
          "safety",
          "LIGHTCURTAIN");

  @Test
  void aModelRoundTripsThroughTheDatabaseExactly() {
    String code = code();
    ProductModel m = models.create(manager, door(code));
    assertThat(m.revision()).isEqualTo(1);
    assertThat(m.status()).isEqualTo(ModelStatus.DRAFT);
    assertThat(m.createdBy()).isEqualTo(manager.user());
    ProductModel read = models.get(viewer, code);
    assertThat(read.definition()).isEqualTo(door(code));
    assertThat(read.version()).isEqualTo(m.version());
  }

  @Test
  void unsoundDefinitionsAreRefusedWithFieldPathsAndNothingIsStored() {
    String code = code();
    ProductModelDefinition d = door(code);
    List<Constraint> cs = new ArrayList<>(d.constraints());
    cs.add(new Constraint.Formula("Broken", "width * <= 3"));
    ProductModelDefinition bad =
        new ProductModelDefinition(
            code,
            d.name(),
            d.erpProductCode(),
            d.currency(),
            d.basePrice(),
            d.attributes(),
            cs,
            d.pricing(),
            d.bom(),
            d.routing());
    assertThatThrownBy(() -> models.create(manager, bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("constraints[7].formula"));
    assertThatThrownBy(() -> models.get(viewer, code)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void onlyAdministratorsAndManagersChangeModels() {
    String code = code();
    assertThatThrownBy(() -> models.create(sales, door(code)))
        .isInstanceOf(AccessDeniedException.class);
    ProductModel m = models.create(admin, door(code));
    assertThatThrownBy(() -> models.release(viewer, code, m.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(models.get(viewer, code).code()).isEqualTo(code);
  }

  @Test
  void aDuplicateCodeIsAConflict() {
    String code = code();
    models.create(manager, door(code));
    assertThatThrownBy(() -> models.create(manager, door(code)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void draftsAreEditedWithTheirVersionAndReleasedRevisionsNever() {
    String code = code();
    ProductModel m = models.create(manager, door(code));
    ProductModelDefinition renamed = rename(door(code), "Renamed door");
    ProductModel edited = models.update(manager, code, m.version(), renamed);
    assertThat(edited.definition().name()).isEqualTo("Renamed door");
    assertThat(edited.version()).isGreaterThan(m.version());
    assertThatThrownBy(() -> models.update(manager, code, m.version(), renamed))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> models.update(manager, code, edited.version(), door("OTHER")))
        .isInstanceOf(ValidationException.class);
    ProductModel released = models.release(manager, code, edited.version());
    assertThat(released.status()).isEqualTo(ModelStatus.RELEASED);
    assertThatThrownBy(() -> models.update(manager, code, released.version(), door(code)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("new revision");
    assertThatThrownBy(() -> models.release(manager, code, released.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> models.delete(manager, code, released.version()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aNewRevisionRetiresTheReleasedOneWhenItIsReleased() {
    String code = code();
    ProductModel r1 = models.create(manager, door(code));
    r1 = models.release(manager, code, r1.version());
    ProductModel r2 = models.revise(manager, code);
    assertThat(r2.revision()).isEqualTo(2);
    assertThat(r2.status()).isEqualTo(ModelStatus.DRAFT);
    assertThat(r2.definition()).isEqualTo(r1.definition());
    assertThatThrownBy(() -> models.revise(manager, code)).isInstanceOf(ConflictException.class);
    // the released revision is still what is configured while revision 2 is a draft
    assertThat(configurator.configure(sales, code, Map.of()).revision()).isEqualTo(1);
    models.release(manager, code, -1);
    assertThat(models.revisions(viewer, code))
        .extracting(ProductModel::revision, ProductModel::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ModelStatus.RETIRED),
            org.assertj.core.groups.Tuple.tuple(2, ModelStatus.RELEASED));
    assertThat(models.get(viewer, code, 1).status()).isEqualTo(ModelStatus.RETIRED);
    assertThat(configurator.configure(sales, code, Map.of()).revision()).isEqualTo(2);
    ProductModel retired = models.retire(manager, code, -1);
    assertThat(retired.status()).isEqualTo(ModelStatus.RETIRED);
    assertThatThrownBy(() -> models.retire(manager, code, -1))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> configurator.configure(sales, code, Map.of()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aDraftNeverReleasedMayBeDeletedAndIsAudited() {
    String code = code();
    ProductModel m = models.create(manager, door(code));
    models.delete(admin, code, m.version());
    assertThatThrownBy(() -> models.get(viewer, code)).isInstanceOf(NotFoundException.class);
    List<AuditEntry> history =
        audit.history(admin, AuditQuery.ofRecord("product-model", m.id(), 10)).items();
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.DELETE);
  }

  @Test
  void theListShowsTheLatestRevisionOfEachModelPageByPage() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      String code = "LIST-" + UUID.randomUUID().toString().substring(0, 8);
      ProductModel m = models.create(manager, door(code));
      if (i == 0) {
        models.release(manager, code, m.version());
        models.revise(manager, code);
      }
      created.add(code);
    }
    List<ProductModel> seen = new ArrayList<>();
    Page<ProductModel> page = models.list(viewer, 2, null);
    seen.addAll(page.items());
    while (page.nextCursor().isPresent()) {
      page = models.list(viewer, 2, page.nextCursor().get());
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page.items());
    }
    List<ProductModel> mine = seen.stream().filter(m -> created.contains(m.code())).toList();
    assertThat(mine).hasSize(5);
    assertThat(seen).extracting(ProductModel::code).doesNotHaveDuplicates().isSorted();
    assertThat(mine).filteredOn(m -> m.revision() == 2).hasSize(1);
    assertThatThrownBy(() -> models.list(viewer, 2, "garbage!"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> models.list(viewer, 0, null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void aDraftIsConfiguredForATryButNotSaved() {
    String code = code();
    models.create(manager, door(code));
    Propagation p = configurator.configure(sales, code, Map.of("type", "HIGHSPEED"));
    assertThat(p.valid()).isTrue();
    assertThat(p.domains())
        .filteredOn(d -> d.attribute().equals("drive"))
        .singleElement()
        .satisfies(d -> assertThat(d.values()).containsExactly("M3"));
    assertThatThrownBy(() -> configurator.save(sales, code, COMPLETE))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("release it");
  }

  @Test
  void aCompleteValidConfigurationIsSavedImmutablyWithItsBom() {
    String code = code();
    ProductModel m = models.create(manager, door(code));
    models.release(manager, code, m.version());
    Configuration saved = configurator.save(sales, code, COMPLETE);
    assertThat(saved.revision()).isEqualTo(1);
    assertThat(saved.erpProductCode()).isEqualTo("DOOR-IND");
    assertThat(saved.total()).isEqualByComparingTo("6130.00");
    Configuration read = configurator.get(viewer, saved.id());
    assertThat(read).isEqualTo(saved);
    assertThat(read.bom()).contains(new BomLine("PANEL-S80-M2", new BigDecimal("16")));
    assertThat(read.routing()).hasSize(6);
    // a new revision changes nothing in what was saved
    models.revise(manager, code);
    models.release(manager, code, -1);
    assertThat(configurator.get(viewer, saved.id())).isEqualTo(saved);
    assertThat(audit.history(admin, AuditQuery.ofRecord("configuration", saved.id(), 5)).items())
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CREATE));
  }

  @Test
  void incompleteOrContradictingConfigurationsAreNotSaved() {
    String code = code();
    ProductModel m = models.create(manager, door(code));
    models.release(manager, code, m.version());
    assertThatThrownBy(() -> configurator.save(sales, code, Map.of("type", "SECTIONAL")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("incomplete");
    Map<String, String> contradicting = new java.util.HashMap<>(COMPLETE);
    contradicting.put("type", "HIGHSPEED");
    assertThatThrownBy(() -> configurator.save(sales, code, contradicting))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("selections break the model's rules: ");
    assertThatThrownBy(() -> configurator.save(sales, code, Map.of("colour", "PINK")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("selections.colour"));
    assertThatThrownBy(() -> configurator.save(viewer, code, COMPLETE))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> configurator.get(viewer, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> configurator.configure(viewer, "NO-SUCH-MODEL", Map.of()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void withoutTheSolverModelsAreReadButNotCheckedOrConfigured() {
    String code = code();
    models.create(manager, door(code));
    JpaProductModelService bare = new JpaProductModelService(emf, clock, null);
    JpaConfiguratorService bareConfigurator = new JpaConfiguratorService(emf, clock, null);
    assertThat(bare.get(viewer, code).code()).isEqualTo(code);
    assertThatThrownBy(() -> bare.create(manager, door(code())))
        .isInstanceOf(org.loopcrm.crm.api.cto.ConfiguratorUnavailableException.class);
    assertThatThrownBy(() -> bareConfigurator.configure(sales, code, Map.of()))
        .isInstanceOf(org.loopcrm.crm.api.cto.ConfiguratorUnavailableException.class)
        .hasMessageContaining("crm-configurator");
  }

  private static ProductModelDefinition rename(ProductModelDefinition d, String name) {
    return new ProductModelDefinition(
        d.code(),
        name,
        d.erpProductCode(),
        d.currency(),
        d.basePrice(),
        d.attributes(),
        d.constraints(),
        d.pricing(),
        d.bom(),
        d.routing());
  }
}
