/**
 * The verifiable log over HTTP: the signed checkpoint, the verifier key, inclusion and consistency proofs, and one
 * event's self-contained C2SP tlog-proof. Public, except an event's leaf material (its payload), which is audit data.
 */
package org.hostledger.api.verifiable;
