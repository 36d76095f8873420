/** The offerings view: each offering of a host and the chain behind it, bitemporal. */
package org.hostledger.projections.offerings;
