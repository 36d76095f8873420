package org.hostledger.projections.support;

import java.time.LocalDate;

/** One stretch of a record's timeline: the state that held from {@code from} (inclusive) to {@code to} (exclusive). */
public record Segment<S>(LocalDate from, LocalDate to, S state) {}
