/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, the checkpoints of c2sp.org/tlog-checkpoint, the
 * witness cosignatures of c2sp.org/tlog-cosignature and the proof files of c2sp.org/tlog-proof. Only the JDK's own
 * Ed25519 (Java 15+) is used, so that the offline verifier carries no dependency for it.
 */
package org.hostledger.core.note;
