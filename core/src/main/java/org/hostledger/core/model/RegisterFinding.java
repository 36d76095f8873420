package org.hostledger.core.model;

/**
 * A value of a register's snapshot that cannot be what its field says (a placeholder, a spreadsheet error, an
 * impossible date, an unknown word): kept raw, never guessed.
 *
 * @param where where in the file: a JSON path or a CSV line
 * @param entryId the register's own id of the entry, null when the row has none
 * @param kind what is wrong, such as {@code PLACEHOLDER} or {@code DATE_BEFORE_PROGRAMME}
 */
public record RegisterFinding(String where, String entryId, String field, String kind, String raw) {}
