package org.hostledger.projections.support;

import java.time.LocalDate;

/** A fact that changes a record's state from its effective date on; {@code seq} orders facts of the same day. */
public interface Change {

    LocalDate effectiveOn();

    long seq();
}
