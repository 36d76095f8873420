/**
 * Offerings of a host and the chain behind each (HDS referential v2, requirements 29 and 30): who performs which
 * activity, with access from outside the EEA and exposure to non-EU law; the rules that check a chain and the
 * assessment of a decision's exposure and coverage along it.
 */
package org.hostledger.core.offering;
