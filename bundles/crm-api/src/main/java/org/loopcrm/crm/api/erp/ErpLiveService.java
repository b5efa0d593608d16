package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.erp.port.Product;

/**
 * Questions the ERP answers live, for a quote: can this quantity be promised at that date, and may
 * this customer buy that much more on credit. It asks the ERP's ports (see {@link
 * org.loopcrm.crm.api.erp.port}); with several ERPs connected, the caller names one.
 */
public interface ErpLiveService {

  /**
   * Available-to-promise of a product.
   *
   * @param erpSystem the ERP to ask, or null when only one is connected
   * @param warehouse the warehouse, or null for the ERP's default
   * @throws ValidationException if the product is blank, the quantity not positive, or several ERPs
   *     are connected and none is named
   * @throws NotFoundException if the ERP has no such product or warehouse
   * @throws ErpUnavailableException if no ERP is connected or it does not answer
   * @throws AccessDeniedException if the actor may not read accounts
   */
  Availability availability(
      Actor actor,
      String erpSystem,
      String productCode,
      BigDecimal quantity,
      LocalDate date,
      String warehouse);

  /**
   * The account's credit standing in the ERP now, and whether {@code amount} more fits its limit.
   *
   * @param amount the amount of the order in question, or null for none
   * @throws NotFoundException if the account is not there for the actor
   * @throws ConflictException if the account is not linked to the ERP
   * @throws AccessDeniedException if the actor may not see finance facts
   * @throws ErpUnavailableException if no ERP is connected or it does not answer
   */
  CreditCheck creditCheck(Actor actor, String erpSystem, UUID accountId, BigDecimal amount);

  /**
   * A product of the ERP's catalogue, with its list price.
   *
   * @param erpSystem the ERP to ask, or null when only one is connected
   * @throws ValidationException if the code is blank, or several ERPs are connected and none is
   *     named
   * @throws NotFoundException if the ERP has no such product
   * @throws ErpUnavailableException if no ERP with a catalogue is connected or it does not answer
   * @throws AccessDeniedException if the actor may not read accounts
   */
  Product product(Actor actor, String erpSystem, String productCode);
}
