/**
 * The ledger engine: how an event is stored and chained ({@code engine}), read back for auditors and its chain
 * checked ({@code audit}), fed to the projections in bulk and followed ({@code processing}: replay, progress, tokens,
 * segment sharing between nodes, the node registry), and how the embedded store is kept compact
 * ({@code maintenance}). Its Spring Boot auto-configuration wires all of it into any application that has this module
 * on its class path, before Axon's defaults.
 *
 * <p>Depends on {@code core}, Axon and Spring JDBC only; nothing web, no aggregate, no view. It is the only module
 * that touches the event, snapshot, token, chain-head and node tables (checked by the api module's architecture
 * tests).
 */
package org.hostledger.store;
