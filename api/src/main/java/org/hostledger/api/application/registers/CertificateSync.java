package org.hostledger.api.application.registers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hostledger.core.command.ChangeCertificationScope;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.command.ReinstateCertification;
import org.hostledger.core.command.RenewCertification;
import org.hostledger.core.command.WithdrawCertification;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.RegisterHoldings;

/**
 * A list that names certificates (the ANS and ANSSI lists) keeps the certificates its import granted up to date, each
 * change citing the snapshot that shows it:
 *
 * <ul>
 *   <li>a later end of validity renews the certificate (effective on the new validity's start when the list gives a
 *       plausible one, else on the publication date); an earlier end is not a renewal and changes nothing (counted
 *       {@code VALIDITY_NOT_EXTENDED});
 *   <li>other activities change its scope from the publication date;
 *   <li>an entry delisted while its certificate is in force withdraws it from the publication date;
 *   <li>an entry listed again reinstates a suspended certificate, or, since a withdrawal is final, grants the
 *       certificate again under a new id (the old one's, with the date of the snapshot that shows it again), to
 *       which the entry then links.
 * </ul>
 *
 * What the ledger holds is read from the certifications view, which the importer awaits up to the store's head
 * before diffing: a change already recorded by an interrupted import no longer differs.
 */
final class CertificateSync {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private CertificateSync() {}

    /**
     * The commands that bring the certificates up to date, to send before {@code entryCommands}, some of which (a
     * relisting whose certificate is granted again) they relink; those are replaced in place.
     */
    static List<LedgerCommand> commands(
            RegisterCitation citation,
            String scheme,
            ParsedSnapshot snapshot,
            RegisterHoldings holdings,
            List<LedgerCommand> entryCommands,
            Map<String, Integer> changes,
            Function<String, Optional<CertificationView>> certificate,
            Function<String, Optional<RecordKind>> kindOf) {
        LocalDate publishedOn = citation.publishedOn();
        List<SourceNote> sources = List.of(citation.note());
        String cites = "register " + citation.register() + ", snapshot published " + citation.publishedAt()
                + " (sha256 " + citation.sha256() + ")";
        List<LedgerCommand> toSend = new ArrayList<>();
        Map<String, String> relinked = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ParsedSnapshot.Entry entry : snapshot.entries()) {
            seen.add(entry.entryId());
            RegisterHoldings.Holding held = holdings.entries().get(entry.entryId());
            ParsedSnapshot.Certificate c = entry.certificate();
            if (held == null || c == null || held.facts().certificationId() == null) {
                continue; // a new entry's certificate is granted by the importer's links
            }
            String id = held.facts().certificationId();
            Optional<CertificationView> found = certificate.apply(id);
            if (found.isEmpty()) {
                continue;
            }
            CertificationView current = found.get();
            if (current.status() == CertificationStatus.WITHDRAWN) {
                if (held.listed()) {
                    continue; // withdrawn by someone else while listed: not the list's to undo
                }
                String again = id.length() > 55 ? id.substring(0, 55) : id;
                again = again + "-" + BASIC.format(publishedOn);
                if (kindOf.apply(again).isEmpty()) {
                    toSend.add(new GrantCertification(
                            again,
                            current.hostId(),
                            scheme,
                            c.referential(),
                            c.certifier(),
                            c.activities(),
                            null,
                            c.validFrom(),
                            c.validUntil(),
                            sources));
                    changes.merge("CERTIFICATION_GRANTED", 1, Integer::sum);
                }
                relinked.put(entry.entryId(), again);
                continue;
            }
            if (current.status() == CertificationStatus.SUSPENDED && !held.listed()) {
                toSend.add(new ReinstateCertification(id, publishedOn, "listed again by " + cites, sources, null));
                changes.merge("CERTIFICATION_REINSTATED", 1, Integer::sum);
            }
            if (c.validUntil() != null && c.validUntil().isAfter(current.validUntil())) {
                LocalDate effectiveOn = c.validFrom() != null
                                && c.validFrom().isAfter(current.validFrom())
                                && !c.validFrom().isAfter(publishedOn)
                        ? c.validFrom()
                        : publishedOn;
                toSend.add(new RenewCertification(id, c.validUntil(), c.referential(), effectiveOn, sources, null));
                changes.merge("CERTIFICATION_RENEWED", 1, Integer::sum);
            } else if (c.validUntil() != null && c.validUntil().isBefore(current.validUntil())) {
                changes.merge("VALIDITY_NOT_EXTENDED", 1, Integer::sum);
            }
            if (c.activities() != null
                    && !c.activities().isEmpty()
                    && !new TreeSet<>(c.activities()).equals(new TreeSet<>(current.activities()))) {
                toSend.add(new ChangeCertificationScope(
                        id,
                        c.activities(),
                        publishedOn,
                        "activities " + current.activities() + " now listed as " + c.activities() + " by " + cites,
                        sources,
                        null));
                changes.merge("CERTIFICATION_SCOPE_CHANGED", 1, Integer::sum);
            }
        }
        holdings.entries().forEach((entryId, held) -> {
            String id = held.facts().certificationId();
            if (!held.listed() || seen.contains(entryId) || id == null) {
                return;
            }
            certificate.apply(id).ifPresent(current -> {
                if (current.status() == CertificationStatus.VALID
                        || current.status() == CertificationStatus.SUSPENDED) {
                    toSend.add(new WithdrawCertification(
                            id,
                            publishedOn,
                            "entry " + entryId + " no longer listed (before the end of its validity, "
                                    + current.validUntil() + ") by " + cites,
                            sources,
                            null));
                    changes.merge("CERTIFICATION_WITHDRAWN", 1, Integer::sum);
                }
            });
        });
        for (int i = 0; i < entryCommands.size(); i++) {
            if (entryCommands.get(i) instanceof RecordRegisterEntry record && relinked.containsKey(record.entryId())) {
                entryCommands.set(
                        i,
                        new RecordRegisterEntry(
                                record.entryKey(),
                                record.first(),
                                record.citation(),
                                record.entryId(),
                                record.facts().linkedTo(record.facts().hostId(), relinked.get(record.entryId())),
                                record.effectiveOn()));
            }
        }
        return toSend;
    }
}
