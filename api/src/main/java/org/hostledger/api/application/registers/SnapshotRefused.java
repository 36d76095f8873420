package org.hostledger.api.application.registers;

/** An import that cannot proceed as asked; its kind decides the answer's status. */
public class SnapshotRefused extends RuntimeException {

    /** Why: each maps to one HTTP status at the edge and one exit message on the command line. */
    public enum Reason {
        UNKNOWN_REGISTER,
        OLDER_THAN_LATEST,
        TOO_LARGE,
        VIEWS_BEHIND
    }

    private final Reason reason;
    private final Object detail;

    public SnapshotRefused(Reason reason, String message, Object detail) {
        super(message, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#OLDER_THAN_LATEST}: the latest snapshot's publication. */
    public Object detail() {
        return detail;
    }
}
