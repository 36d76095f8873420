package org.hostledger.api.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.AuditEvent;
import org.hostledger.core.query.AuditPage;
import org.hostledger.core.query.ChainVerification;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.springframework.stereotype.Component;

/**
 * Stands in for the projections' audit query handlers, which are written on another branch at the same time: it
 * answers ListAuditEvents and VerifyAuditChain with fixed results so that the /audit page can be tested here.
 * Removed on merge, when the real handlers arrive.
 */
@Component
public class StubAuditQueries {

    /** Text with markup, as an actor could have typed it into a source note: the page must show it as text. */
    static final String MARKUP_TITLE = "<script>alert('audit')</script> Minutes";

    private final AtomicReference<ListAuditEvents> lastQuery = new AtomicReference<>();

    @QueryHandler
    public AuditPage handle(ListAuditEvents query) {
        lastQuery.set(query);
        return new AuditPage(
                List.of(
                        new AuditEvent(1, "e-1", "Host", "microsoft", 0, "HostRegistered", LocalDate.parse("2018-04-01"),
                                Instant.parse("2026-01-05T10:00:00Z"), "hostledger-demo", "c-1",
                                List.of(new SourceNote("Seed article", "https://example.org/seed", null)),
                                "{\"hostId\":\"microsoft\"}"),
                        new AuditEvent(2, "e-2", "HostingDecision", "hdh-azure", 0, "HostingDecisionRecorded",
                                LocalDate.parse("2019-12-01"), Instant.parse("2026-01-05T10:00:01Z"), "registrar-jane",
                                "c-2", List.of(new SourceNote(MARKUP_TITLE, null, null)),
                                "{\"decisionId\":\"hdh-azure\"}")),
                2L);
    }

    @QueryHandler
    public ChainVerification handle(VerifyAuditChain query) {
        return new ChainVerification(true, 36, null, 36, "abc…");
    }

    /** The last ListAuditEvents the page sent, to check how it reads its form. */
    ListAuditEvents lastQuery() {
        return lastQuery.get();
    }
}
