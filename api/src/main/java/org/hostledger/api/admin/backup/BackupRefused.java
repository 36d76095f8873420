package org.hostledger.api.admin.backup;

/** A backup or a restore that cannot go ahead; the message says why, for the operator's terminal. */
public class BackupRefused extends RuntimeException {

    private final int exitCode;

    public BackupRefused(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public BackupRefused(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
