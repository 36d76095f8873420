/** Sovereignty exposure: which decisions sit on hosts whose ultimate parent is outside the EU/EEA. */
package org.hostledger.projections.sovereignty;
