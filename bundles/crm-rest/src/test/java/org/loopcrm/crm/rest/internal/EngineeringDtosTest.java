package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.EstimateDraft;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.rest.internal.EngineeringDtos.CostLineBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.EstimateBody;
import org.loopcrm.crm.rest.internal.EngineeringDtos.FeasibilityBody;

class EngineeringDtosTest {

  @Test
  void namesAreReadWhateverTheirCaseAndAnUnknownOneNamesTheField() {
    assertThat(new FeasibilityBody("feasible_with_changes", "x").toVerdict())
        .isEqualTo(Feasibility.FEASIBLE_WITH_CHANGES);
    assertThat(new FeasibilityBody(null, null).toVerdict()).isNull();
    EstimateDraft d =
        new EstimateBody(
                List.of(new CostLineBody("labour", "welding", BigDecimal.ONE, BigDecimal.TEN)),
                BigDecimal.TEN)
            .toDraft();
    assertThat(d.lines().get(0).category()).isEqualTo(CostCategory.LABOUR);

    ValidationException e =
        (ValidationException)
            catchThrowable(
                () ->
                    new EstimateBody(
                            Arrays.asList(
                                new CostLineBody("LABOUR", "x", BigDecimal.ONE, BigDecimal.ONE),
                                new CostLineBody("TRAVEL", "x", BigDecimal.ONE, BigDecimal.ONE)),
                            BigDecimal.TEN)
                        .toDraft());
    assertThat(e.errors().get(0).field()).isEqualTo("lines[1].category");
    assertThat(e.errors().get(0).message()).contains("MATERIAL", "OVERHEAD");
  }

  @Test
  void numbersAreShownPlainWithoutTrailingZeros() {
    assertThat(EngineeringDtos.plain(new BigDecimal("10.0000")).toString()).isEqualTo("10");
    assertThat(EngineeringDtos.plain(new BigDecimal("2.5000")).toString()).isEqualTo("2.5");
    assertThat(EngineeringDtos.plain(null)).isNull();
  }
}
