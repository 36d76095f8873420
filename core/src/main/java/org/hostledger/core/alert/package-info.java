/** Alerts as facts: what the scheduled alert job records, once per occurrence. */
package org.hostledger.core.alert;
