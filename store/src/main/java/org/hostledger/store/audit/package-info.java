/**
 * The audit side: the event store read as it is — every event in global order with both times, actor and sources —
 * and the check of its hash chain.
 */
package org.hostledger.store.audit;
