/** The registry view: hosts and their certificates as the official list shows them, on any date. */
package org.hostledger.projections.registry;
