/** Compliance of hosting decisions with the HDS scheme, computed from the registry and the hosting map. */
package org.hostledger.projections.compliance;
