package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** A line of a quote, with the ERP's availability as last checked. */
@Entity
@Table(name = "crm_quote_line")
public class QuoteLineEntity extends PricedLineColumns {
  @ManyToOne(optional = false)
  @JoinColumn(name = "quote_id", nullable = false)
  QuoteEntity quote;

  /** What is on order once the customer reduced it; null: {@link #quantity}. */
  @Column(name = "ordered_quantity", precision = 19, scale = 4)
  BigDecimal orderedQuantity;

  @Column(name = "atp_on_hand", precision = 19, scale = 4)
  BigDecimal atpOnHand;

  @Column(name = "atp_forecast", precision = 19, scale = 4)
  BigDecimal atpForecast;

  @Column(name = "atp_available")
  Boolean atpAvailable;

  @Column(name = "atp_unit", length = 20)
  String atpUnit;

  @Column(name = "atp_as_of")
  Instant atpAsOf;

  @Column(name = "atp_problem", length = 500)
  String atpProblem;
}
