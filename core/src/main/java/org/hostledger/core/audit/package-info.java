/** The published rules of the audit trail, such as the hash chain that makes the event store tamper-evident. */
package org.hostledger.core.audit;
