/**
 * Watching the ledger: subscriptions with filters, the watch processor that records every change and fills the
 * webhook outbox in its own transaction, the dispatcher that signs and sends notifications the Standard Webhooks way
 * (retries with backoff and jitter, dead letters, redelivery), and the public Atom feeds.
 */
package org.hostledger.api.watch;
