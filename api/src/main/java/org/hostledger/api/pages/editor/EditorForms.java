package org.hostledger.api.pages.editor;

import static org.hostledger.api.pages.editor.EditorForm.Input.ACTIVITIES;
import static org.hostledger.api.pages.editor.EditorForm.Input.COUNTRY;
import static org.hostledger.api.pages.editor.EditorForm.Input.DATE;
import static org.hostledger.api.pages.editor.EditorForm.Input.ID;
import static org.hostledger.api.pages.editor.EditorForm.Input.LINES;
import static org.hostledger.api.pages.editor.EditorForm.Input.PROCUREMENT;
import static org.hostledger.api.pages.editor.EditorForm.Input.TEXT;
import static org.hostledger.api.pages.editor.EditorForm.Input.TEXTAREA;
import static org.hostledger.api.pages.editor.EditorForm.optional;
import static org.hostledger.api.pages.editor.EditorForm.required;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hostledger.api.certifications.CertificationWriteController.CertificationCorrectionRequest;
import org.hostledger.api.certifications.CertificationWriteController.GrantRequest;
import org.hostledger.api.certifications.CertificationWriteController.LifecycleAction;
import org.hostledger.api.certifications.CertificationWriteController.LifecycleRequest;
import org.hostledger.api.certifications.CertificationWriteController.RenewalRequest;
import org.hostledger.api.certifications.CertificationWriteController.ScopeChangeRequest;
import org.hostledger.api.decisions.DecisionWriteController.ChallengeRequest;
import org.hostledger.api.decisions.DecisionWriteController.DecisionCorrectionRequest;
import org.hostledger.api.decisions.DecisionWriteController.DecisionRequest;
import org.hostledger.api.decisions.DecisionWriteController.EndingRequest;
import org.hostledger.api.decisions.DecisionWriteController.MigrationPlanRequest;
import org.hostledger.api.hosts.HostWriteController.HostCorrectionRequest;
import org.hostledger.api.hosts.HostWriteController.OwnershipChangeRequest;
import org.hostledger.api.hosts.HostWriteController.RegisterHostRequest;
import org.hostledger.api.pages.editor.EditorForm.Field;
import org.hostledger.api.web.CommandRequest;
import org.hostledger.core.command.RecordKind;

/** Every write of the REST contract, as a form. Every form also takes the change's sources, as a list. */
final class EditorForms {

    private static final Function<Object, CommandRequest> AS_IS = CommandRequest.class::cast;

    static final List<EditorForm> ALL = List.of(
            form(
                    RecordKind.HOST,
                    "hosts",
                    EditorForm.NEW,
                    RegisterHostRequest.class,
                    AS_IS,
                    optional("id", ID),
                    required("name", TEXT),
                    required("country", COUNTRY),
                    optional("parentCompany", TEXT),
                    optional("parentCountry", COUNTRY),
                    required("effectiveOn", DATE)),
            form(
                    RecordKind.HOST,
                    "hosts",
                    "ownership-change",
                    OwnershipChangeRequest.class,
                    AS_IS,
                    optional("parentCompany", TEXT),
                    optional("parentCountry", COUNTRY),
                    required("effectiveOn", DATE),
                    required("reason", TEXTAREA)),
            form(
                    RecordKind.HOST,
                    "hosts",
                    "correction",
                    HostCorrectionRequest.class,
                    AS_IS,
                    optional("name", TEXT),
                    optional("country", COUNTRY),
                    optional("parentCompany", TEXT),
                    optional("parentCountry", COUNTRY),
                    optional("effectiveOn", DATE),
                    required("reason", TEXTAREA)),
            form(
                    RecordKind.CERTIFICATION,
                    "certifications",
                    EditorForm.NEW,
                    GrantRequest.class,
                    AS_IS,
                    optional("id", ID),
                    required("hostId", ID),
                    required("scheme", TEXT),
                    required("referential", TEXT),
                    required("certifier", TEXT),
                    required("activities", ACTIVITIES),
                    optional("scope", TEXTAREA),
                    required("validFrom", DATE),
                    required("validUntil", DATE)),
            lifecycle("suspension", LifecycleAction.SUSPEND),
            lifecycle("reinstatement", LifecycleAction.REINSTATE),
            lifecycle("withdrawal", LifecycleAction.WITHDRAW),
            form(
                    RecordKind.CERTIFICATION,
                    "certifications",
                    "renewal",
                    RenewalRequest.class,
                    AS_IS,
                    required("validUntil", DATE),
                    optional("referential", TEXT),
                    required("effectiveOn", DATE)),
            form(
                    RecordKind.CERTIFICATION,
                    "certifications",
                    "scope-change",
                    ScopeChangeRequest.class,
                    AS_IS,
                    required("activities", ACTIVITIES),
                    required("effectiveOn", DATE),
                    required("reason", TEXTAREA)),
            form(
                    RecordKind.CERTIFICATION,
                    "certifications",
                    "correction",
                    CertificationCorrectionRequest.class,
                    AS_IS,
                    optional("hostId", ID),
                    optional("referential", TEXT),
                    optional("certifier", TEXT),
                    optional("activities", ACTIVITIES),
                    optional("scope", TEXTAREA),
                    optional("validFrom", DATE),
                    optional("validUntil", DATE),
                    required("reason", TEXTAREA)),
            form(
                    RecordKind.DECISION,
                    "decisions",
                    EditorForm.NEW,
                    DecisionRequest.class,
                    AS_IS,
                    optional("id", ID),
                    required("controller", TEXT),
                    required("system", TEXT),
                    required("hostId", ID),
                    required("activities", ACTIVITIES),
                    required("decidedOn", DATE),
                    required("procurement", PROCUREMENT),
                    optional("contractor", TEXT),
                    required("rationale", TEXTAREA),
                    optional("alternatives", LINES),
                    optional("offeringId", ID)),
            form(
                    RecordKind.DECISION,
                    "decisions",
                    "challenge",
                    ChallengeRequest.class,
                    AS_IS,
                    required("by", TEXT),
                    required("effectiveOn", DATE),
                    required("argument", TEXTAREA),
                    optional("forum", TEXT),
                    optional("outcome", TEXTAREA)),
            form(
                    RecordKind.DECISION,
                    "decisions",
                    "migration-plan",
                    MigrationPlanRequest.class,
                    AS_IS,
                    optional("targetHostId", ID),
                    optional("target", TEXT),
                    required("targetDate", DATE),
                    required("effectiveOn", DATE),
                    required("rationale", TEXTAREA)),
            form(
                    RecordKind.DECISION,
                    "decisions",
                    "ending",
                    EndingRequest.class,
                    AS_IS,
                    required("effectiveOn", DATE),
                    required("reason", TEXTAREA),
                    optional("supersededBy", ID)),
            form(
                    RecordKind.DECISION,
                    "decisions",
                    "correction",
                    DecisionCorrectionRequest.class,
                    AS_IS,
                    optional("controller", TEXT),
                    optional("system", TEXT),
                    optional("hostId", ID),
                    optional("activities", ACTIVITIES),
                    optional("decidedOn", DATE),
                    optional("procurement", PROCUREMENT),
                    optional("contractor", TEXT),
                    optional("rationale", TEXTAREA),
                    optional("alternatives", LINES),
                    optional("offeringId", ID),
                    required("reason", TEXTAREA)));

    private EditorForms() {}

    static Optional<EditorForm> find(String collection, String action) {
        return ALL.stream()
                .filter(f -> f.collection().equals(collection) && f.action().equals(action))
                .findFirst();
    }

    private static EditorForm form(
            RecordKind kind,
            String collection,
            String action,
            Class<?> request,
            Function<Object, CommandRequest> command,
            Field... fields) {
        return new EditorForm(kind, collection, action, action.equals("correction"), request, List.of(fields), command);
    }

    private static EditorForm lifecycle(String action, LifecycleAction what) {
        return form(
                RecordKind.CERTIFICATION,
                "certifications",
                action,
                LifecycleRequest.class,
                request -> ((LifecycleRequest) request).as(what),
                required("effectiveOn", DATE),
                required("reason", TEXTAREA));
    }
}
