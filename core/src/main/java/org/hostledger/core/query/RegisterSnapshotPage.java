package org.hostledger.core.query;

import java.util.List;

/** One page of a register's snapshots, with the total across pages. */
public record RegisterSnapshotPage(List<RegisterSnapshotView> items, int page, int size, long totalItems) {}
