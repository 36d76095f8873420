package org.hostledger.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The snapshot of an official register that an event was read from: which register, when the register published it,
 * the SHA-256 of the file exactly as published, and where it was published when known.
 */
public record RegisterCitation(String register, Instant publishedAt, String sha256, String url) {

    public RegisterCitation {
        if (register == null || register.isBlank() || publishedAt == null || sha256 == null || sha256.isBlank()) {
            throw new IllegalArgumentException("a register citation needs the register, its publication and a sha256");
        }
    }

    /** The publication's date, in UTC: the day whose state the snapshot gives. */
    public LocalDate publishedOn() {
        return LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
    }

    /** The same citation as an ordinary source note, for the readers that only know those. */
    public SourceNote note() {
        return new SourceNote(
                "Register " + register + ", snapshot published " + publishedAt + " (sha256 " + sha256 + ")",
                url,
                publishedOn());
    }
}
