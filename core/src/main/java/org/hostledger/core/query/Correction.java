package org.hostledger.core.query;

import java.time.Instant;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** A correction of a record's facts: when the ledger learned it, why, on what evidence. */
public record Correction(Instant recordedAt, String reason, List<SourceNote> sources) {}
