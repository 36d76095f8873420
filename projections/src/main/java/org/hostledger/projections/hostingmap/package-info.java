/** The hosting map: one record per hosting decision, with the why and what followed, on any date. */
package org.hostledger.projections.hostingmap;
