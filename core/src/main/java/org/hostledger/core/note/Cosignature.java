package org.hostledger.core.note;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The message a witness signs for c2sp.org/tlog-cosignature v1: {@code "cosignature/v1\ntime <seconds>\n"} followed
 * by the checkpoint body. Its signature line carries {@code keyId ‖ uint64 timestamp ‖ Ed25519 signature}.
 */
public final class Cosignature {

    private Cosignature() {}

    static byte[] message(long timestamp, byte[] checkpointBody) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("cosignature/v1\ntime " + Long.toUnsignedString(timestamp) + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(checkpointBody);
        return out.toByteArray();
    }
}
