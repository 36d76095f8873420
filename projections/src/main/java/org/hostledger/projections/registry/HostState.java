package org.hostledger.projections.registry;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.Countries;
import org.hostledger.core.model.Exposure;

/** A host as it stood over one stretch of time. {@code sources} is the JSON of the registration's evidence. */
record HostState(
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        LocalDate registeredOn,
        String sources) {

    static final List<String> COLUMNS =
            List.of("name", "country", "parent_company", "parent_country", "exposure", "registered_on", "sources");

    Exposure exposure() {
        return Countries.exposureOf(country, parentCountry);
    }

    HostState withParent(String company, String parentCountry) {
        return new HostState(name, country, company, parentCountry, registeredOn, sources);
    }

    List<Object> values() {
        return java.util.Arrays.asList(
                name, country, parentCompany, parentCountry, exposure().name(), registeredOn, sources);
    }
}
