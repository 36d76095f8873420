package org.hostledger.core.model;

import java.time.LocalDate;

/**
 * The evidence behind a recorded fact: a title, and where known the address and publication date of the document.
 */
public record SourceNote(String title, String url, LocalDate publishedOn) {

    public SourceNote {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a source needs a title");
        }
    }

    public static SourceNote of(String title, String url, LocalDate publishedOn) {
        return new SourceNote(title, url, publishedOn);
    }
}
