package org.hostledger.projections.offerings;

import java.util.List;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.projections.support.JsonColumns;

/** An offering's state in one segment of its timeline. */
record OfferingState(
        String hostId,
        String publisher,
        String name,
        String register,
        boolean published,
        List<ChainActor> chain,
        List<SourceNote> sources) {

    static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> columns = new java.util.ArrayList<>(
                List.of("host_id", "publisher", "name", "register", "published", "chain", "sources"));
        for (String kind : OfferingExposure.KINDS) {
            for (int a = 1; a <= 6; a++) {
                columns.add(kind + a);
            }
        }
        return List.copyOf(columns);
    }

    List<Object> values() {
        List<Object> values = new java.util.ArrayList<>(java.util.Arrays.asList(
                hostId, publisher, name, register, published, JsonColumns.write(chain), JsonColumns.write(sources)));
        values.addAll(OfferingExposure.flags(chain));
        return values;
    }

    OfferingState with(List<ChainActor> nextChain, boolean nowPublished, List<SourceNote> nextSources) {
        return new OfferingState(hostId, publisher, name, register, nowPublished, nextChain, nextSources);
    }
}
