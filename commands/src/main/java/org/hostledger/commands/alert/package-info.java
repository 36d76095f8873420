/** Alerts: one record per occurrence, created once across runs and nodes. */
package org.hostledger.commands.alert;
