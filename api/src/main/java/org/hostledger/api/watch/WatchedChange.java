package org.hostledger.api.watch;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded event as the watch sees it: the record, the host and register it is about, its payload as JSON. */
public record WatchedChange(
        long position,
        String recordId,
        String recordType,
        String eventType,
        String hostId,
        String registerId,
        LocalDate effectiveOn,
        Instant recordedAt,
        String payload) {}
