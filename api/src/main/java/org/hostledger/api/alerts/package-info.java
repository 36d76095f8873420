/** Alerts as events: the scheduled alert job (db-scheduler) that records each occurrence once. */
package org.hostledger.api.alerts;
