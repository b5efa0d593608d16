/** The configurator's demo product model, loaded in demo mode; private to the bundle. */
package org.loopcrm.crm.configurator.internal.demo;
