package org.hostledger.api.web;

import org.hostledger.core.model.LedgerIds;
import org.hostledger.core.rule.UnknownRecord;

/** Where each kind of record lives, and the checks on ids and versions that come with a path. */
public final class RecordPaths {

    public static final String HOST = "/api/hosts/{id}";
    public static final String CERTIFICATION = "/api/certifications/{id}";
    public static final String DECISION = "/api/decisions/{id}";
    public static final String REGISTER = "/api/registers/{id}";
    public static final String OFFERING = "/api/offerings/{id}";
    public static final String ALERTS = "/api/compliance/alerts";

    private RecordPaths() {}

    /** The path template of a kind of record. */
    public static String of(org.hostledger.core.command.RecordKind kind) {
        return switch (kind) {
            case HOST -> HOST;
            case CERTIFICATION -> CERTIFICATION;
            case DECISION -> DECISION;
            case REGISTER_ENTRY, REGISTER -> REGISTER;
            case OFFERING -> OFFERING;
            case ALERT -> ALERTS;
        };
    }

    /**
     * A single record's answer. A read of the present carries the record's version as ETag, to send back as
     * {@code If-Match}; a read of the past does not, since nothing can be written there.
     */
    public static <T> org.springframework.http.ResponseEntity<T> withVersion(T body, long version, boolean pastRead) {
        org.springframework.http.ResponseEntity.BodyBuilder builder = org.springframework.http.ResponseEntity.ok();
        if (!pastRead) {
            builder.eTag(Long.toString(version));
        }
        return builder.body(body);
    }

    /** An id from a path: one that cannot be a ledger id names no record. */
    public static String id(String id, String kind) {
        if (!LedgerIds.isValid(id)) {
            throw new UnknownRecord(kind, id);
        }
        return id;
    }

    /**
     * The version an {@code If-Match} header expects, or null without one. ETags are the record's version in quotes;
     * {@code *} matches any version.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new InvalidIfMatch(ifMatch);
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidIfMatch(ifMatch);
        }
    }

    /** An If-Match header that is not one of our ETags. */
    public static class InvalidIfMatch extends RuntimeException {
        public InvalidIfMatch(String value) {
            super("If-Match must be an ETag this API gave out, such as \"3\"", null, false, false);
        }
    }
}
