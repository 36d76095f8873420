package org.hostledger.api.application.registers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RecordOffering;
import org.hostledger.core.command.RemoveOffering;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.query.OfferingView;

/**
 * The commands that make the ledger hold what a transfer map says: an offering seen for the first time is added, one
 * whose chain differs is changed, one no longer in the map removed, one back in it added again — all effective on the
 * map's publication date (the maps give no dates of their own). Offerings are diffed against every offering the
 * ledger holds (an id is one offering whatever the map that showed it); only those first recorded from this register
 * are removed when the map no longer shows them. An offering is known by the slug of its publisher
 * and name ({@code ovhcloud-relational-database}); an actor whose slug is a host of the ledger is linked to it.
 */
final class TransferMapDiff {

    private TransferMapDiff() {}

    static List<LedgerCommand> commands(
            RegisterCitation citation,
            TransferMap map,
            List<OfferingView> held,
            Map<String, Integer> changes,
            Function<String, Optional<RecordKind>> kindOf) {
        Map<String, OfferingView> heldById = new HashMap<>();
        held.forEach(o -> heldById.put(o.id(), o));
        Map<String, String> seen = new HashMap<>();
        List<LedgerCommand> toSend = new ArrayList<>();
        for (TransferMap.Offering offering : map.offerings()) {
            String id = Slugs.of(offering.publisher() + " " + offering.name());
            Optional<RecordKind> kind = kindOf.apply(id);
            if (kind.isPresent() && kind.get() != RecordKind.OFFERING) {
                id = Slugs.of(offering.publisher() + " " + offering.name() + " offering");
            }
            String other = seen.put(id, offering.name());
            if (other != null) {
                throw new SnapshotUnreadable(
                        offering.where(), "'" + offering.name() + "' and '" + other + "' make the same id " + id);
            }
            List<ChainActor> chain = offering.chain().stream()
                    .map(a -> a.linkedTo(ledgerHost(a, offering.where(), kindOf)))
                    .toList();
            String hostId = chain.stream()
                    .filter(a -> a.role() == org.hostledger.core.offering.ChainRole.HOST)
                    .findFirst()
                    .map(ChainActor::hostId)
                    .orElse(null);
            OfferingView before = heldById.get(id);
            String change;
            if (before == null) {
                change = "OFFERING_ADDED";
            } else if (!before.published()) {
                change = "OFFERING_ADDED_AGAIN";
            } else if (!before.chain().equals(chain)) {
                change = "CHAIN_CHANGED";
            } else {
                continue;
            }
            toSend.add(new RecordOffering(
                    id,
                    before == null,
                    hostId,
                    offering.publisher(),
                    offering.name(),
                    chain,
                    citation.publishedOn(),
                    List.of(citation.note()),
                    citation));
            changes.merge(change, 1, Integer::sum);
        }
        held.stream()
                .filter(o -> o.published() && citation.register().equals(o.register()) && !seen.containsKey(o.id()))
                .sorted(java.util.Comparator.comparing(OfferingView::id))
                .forEach(o -> {
                    toSend.add(new RemoveOffering(o.id(), citation.publishedOn(), List.of(citation.note()), citation));
                    changes.merge("OFFERING_REMOVED", 1, Integer::sum);
                });
        return toSend;
    }

    /**
     * The ledger's host an actor is: the map's {@code host_id} when it gives one (which must be a host), else the host
     * whose id is the slug of the actor's name, else none.
     */
    private static String ledgerHost(ChainActor actor, String where, Function<String, Optional<RecordKind>> kindOf) {
        if (actor.hostId() != null) {
            if (kindOf.apply(actor.hostId()).filter(k -> k == RecordKind.HOST).isEmpty()) {
                throw new SnapshotUnreadable(
                        where, "host_id '" + actor.hostId() + "' of " + actor.actor() + " is not a host of the ledger");
            }
            return actor.hostId();
        }
        String id = Slugs.of(actor.actor());
        return kindOf.apply(id).filter(k -> k == RecordKind.HOST).isPresent() ? id : null;
    }
}
