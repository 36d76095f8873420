package org.hostledger.api.application.registers;

/**
 * A snapshot that cannot be read as its register's format: empty, truncated, not JSON or CSV, a product without id,
 * duplicated ids. Nothing of it is recorded.
 *
 * @param where where in the file: a JSON path, or a CSV line
 */
public class SnapshotUnreadable extends RuntimeException {

    private final String where;

    public SnapshotUnreadable(String where, String message) {
        super(where == null ? message : where + ": " + message, null, false, false);
        this.where = where;
    }

    public String where() {
        return where;
    }
}
