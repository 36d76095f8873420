/**
 * A C2SP tlog-witness (c2sp.org/tlog-witness): a small application of its own, with its own key and embedded
 * database, that cosigns a log's checkpoint only when a consistency proof shows it extends the last checkpoint the
 * witness cosigned for that log, so that a log cannot show two histories, nor roll its tail back, without witnesses
 * noticing. Depends on {@code core} only.
 */
package org.hostledger.witness;
