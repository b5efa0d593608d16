package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.Quota;
import org.loopcrm.crm.api.sales.QuotaDraft;
import org.loopcrm.crm.rest.internal.ForecastDtos.QuotaBody;

/**
 * The HTTP side of the forecast: the grouping parameter, and a quota PUT that creates without
 * If-Match (201) and changes with it (200), passing the version on.
 */
class ForecastResourceTest {
  private final List<Object[]> calls = new ArrayList<>();

  private ForecastService service() {
    return (ForecastService)
        Proxy.newProxyInstance(
            ForecastService.class.getClassLoader(),
            new Class<?>[] {ForecastService.class},
            (p, m, args) -> {
              calls.add(args);
              if (m.getName().equals("setQuota")) {
                QuotaDraft d = (QuotaDraft) args[1];
                return new Quota(
                    UUID.randomUUID(),
                    d.user(),
                    d.teamId(),
                    d.period(),
                    d.amount(),
                    "EUR",
                    7,
                    Instant.EPOCH,
                    "boss");
              }
              throw new AssertionError("not called by the code under test: " + m);
            });
  }

  @Test
  void groupByIsOneOfFourNamesInAnyCase() {
    assertThat(ForecastDtos.grouping(null)).isEqualTo(ForecastGrouping.OWNER);
    assertThat(ForecastDtos.grouping(" Product ")).isEqualTo(ForecastGrouping.PRODUCT);
    assertThat(ForecastDtos.grouping("category")).isEqualTo(ForecastGrouping.CATEGORY);
    Throwable e = catchThrowable(() -> ForecastDtos.grouping("week"));
    assertThat(((ValidationException) e).errors())
        .extracting(FieldError::field)
        .containsExactly("groupBy");
  }

  @Test
  void aPutWithoutIfMatchCreatesAndWithItChanges() {
    QuotaResource resource = new QuotaResource(service());
    Response created =
        resource.put(
            TestSecurity.as("boss", "crm-manager"),
            new TestHeaders(null),
            "ann",
            "2027-Q1",
            new QuotaBody(new BigDecimal("1000"), null));
    assertThat(created.getStatus()).isEqualTo(201);
    assertThat(created.getEntityTag().getValue()).isEqualTo("7");
    assertThat(calls.get(0)[2]).isNull();
    assertThat(((QuotaDraft) calls.get(0)[1]).user()).isEqualTo("ann");

    Response changed =
        resource.put(
            TestSecurity.as("boss", "crm-manager"),
            new TestHeaders("\"6\""),
            "ann",
            "2027-Q1",
            new QuotaBody(new BigDecimal("2000"), "EUR"));
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(calls.get(1)[2]).isEqualTo(6L);
  }
}
