/**
 * The benchmark: every performance target of DESIGN.md measured on the real application, each beside a ceiling
 * measured in the same run on the same machine, so that ratios — not absolute rates, which drift on shared machines —
 * say whether a target is met. Not part of the application: it depends on {@code api} and nothing depends on it.
 */
package org.hostledger.bench;
