/**
 * The registers view: each register's entries over time (what the register said on a date, as known at an instant),
 * its imported snapshots, every recorded difference, and the findings of each snapshot.
 */
package org.hostledger.projections.registers;
