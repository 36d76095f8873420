package org.hostledger.api.pages.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;

/**
 * The record a form changes, as the ledger knows it now: a title to show, the page it lives on, and its current
 * values as a correction form shows them (in the fields' text form).
 */
record EditedRecord(String id, String title, String page, Map<String, String> values) {

    static EditedRecord of(RecordKind kind, String id, Queries queries, TimePoint now) {
        return switch (kind) {
            case HOST -> host(queries.ask(new FindHost(RecordPaths.id(id, "host"), now), HostView.class), id);
            case CERTIFICATION ->
                certification(
                        queries.ask(
                                new FindCertification(RecordPaths.id(id, "certification"), now),
                                CertificationView.class),
                        id);
            case DECISION ->
                decision(queries.ask(new FindDecision(RecordPaths.id(id, "decision"), now), DecisionView.class), id);
            case REGISTER_ENTRY, REGISTER, OFFERING, ALERT -> throw noForm(kind);
        };
    }

    /** Where a record's page is: a certificate is shown on its host's page. */
    static String pageOf(RecordKind kind, String id) {
        return switch (kind) {
            case HOST -> "/hosts/" + id;
            case CERTIFICATION -> "/certifications/" + id;
            case DECISION -> "/decisions/" + id;
            case REGISTER_ENTRY, REGISTER, OFFERING, ALERT -> throw noForm(kind);
        };
    }

    /** Register entries, registers and offerings change by imports of their register, alerts by the alert job. */
    private static IllegalArgumentException noForm(RecordKind kind) {
        return new IllegalArgumentException("no editor form changes a " + kind.label() + ": it changes by imports");
    }

    private static EditedRecord host(HostView h, String id) {
        if (h == null) {
            throw new UnknownRecord("host", id);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", h.name());
        values.put("country", h.country());
        values.put("parentCompany", h.parentCompany());
        values.put("parentCountry", h.parentCountry());
        values.put("effectiveOn", text(h.registeredOn()));
        return new EditedRecord(h.id(), h.name(), "/hosts/" + h.id(), values);
    }

    private static EditedRecord certification(CertificationView c, String id) {
        if (c == null) {
            throw new UnknownRecord("certification", id);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hostId", c.hostId());
        values.put("referential", c.referential());
        values.put("certifier", c.certifier());
        values.put("activities", activities(c.activities()));
        values.put("scope", c.scope());
        values.put("validFrom", text(c.validFrom()));
        values.put("validUntil", text(c.validUntil()));
        String title = c.id() + " — " + c.scheme() + " " + c.referential() + " — " + c.hostName();
        return new EditedRecord(c.id(), title, "/hosts/" + c.hostId() + "#certificate-" + c.id(), values);
    }

    private static EditedRecord decision(DecisionView d, String id) {
        if (d == null) {
            throw new UnknownRecord("decision", id);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("controller", d.controller());
        values.put("system", d.system());
        values.put("hostId", d.host() == null ? null : d.host().id());
        values.put("activities", activities(d.activities()));
        values.put("decidedOn", text(d.decidedOn()));
        values.put("procurement", text(d.procurement()));
        values.put("contractor", d.contractor());
        values.put("rationale", d.rationale());
        values.put("alternatives", d.alternatives() == null ? null : String.join("\n", d.alternatives()));
        values.put("offeringId", d.offering() == null ? null : d.offering().id());
        return new EditedRecord(d.id(), d.system() + " — " + d.controller(), "/decisions/" + d.id(), values);
    }

    static String activities(List<Integer> activities) {
        return activities == null
                ? null
                : activities.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
