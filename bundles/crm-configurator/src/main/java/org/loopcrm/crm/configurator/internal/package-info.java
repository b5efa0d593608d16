/** The Choco implementation of the configurator's solver SPI; private to the bundle. */
package org.loopcrm.crm.configurator.internal;
