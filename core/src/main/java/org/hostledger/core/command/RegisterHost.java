package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.SourceNote;

/**
 * Enter a hosting company, with its country and its ultimate parent's.
 *
 * @param countryUnpublishedBy the register whose import registers this host and whose format publishes no country
 *     (the FedRAMP Marketplace): only then may {@code country} be null (the host's exposure is then UNKNOWN). Null
 *     for every other registration, which must give the country.
 */
public record RegisterHost(
        @TargetAggregateIdentifier String hostId,
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        LocalDate effectiveOn,
        List<SourceNote> sources,
        String countryUnpublishedBy)
        implements LedgerCommand {

    /** A registration that gives the host's country. */
    public RegisterHost(
            String hostId,
            String name,
            String country,
            String parentCompany,
            String parentCountry,
            LocalDate effectiveOn,
            List<SourceNote> sources) {
        this(hostId, name, country, parentCompany, parentCountry, effectiveOn, sources, null);
    }

    @Override
    public String targetId() {
        return hostId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.HOST;
    }

    @Override
    public boolean createsRecord() {
        return true;
    }
}
