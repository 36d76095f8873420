package org.hostledger.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.api.web.validation.LedgerDate;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.model.SourceNote;

/** A source note as a client sends it. */
public record SourceRequest(
        @NotBlank @PlainText(max = 500) String title,

        @PlainText(max = 2000) @Pattern(regexp = "https?://\\S+", message = "{hostledger.validation.httpUrl}")
        String url,

        @LedgerDate LocalDate publishedOn) {

    public SourceNote toNote() {
        return new SourceNote(title, url, publishedOn);
    }

    public static List<SourceNote> notes(List<SourceRequest> sources) {
        return sources == null
                ? null
                : sources.stream().map(SourceRequest::toNote).toList();
    }
}
