package org.hostledger.api.application.registers;

import java.io.InputStream;
import java.time.Instant;

/** Reads one register format completely, or refuses the file with where it went wrong. */
public interface SnapshotReader {

    /**
     * @param publishedAt the snapshot's publication, against which its dates are checked
     * @throws SnapshotUnreadable when the file is not of this format
     */
    ParsedSnapshot read(InputStream in, Instant publishedAt);
}
