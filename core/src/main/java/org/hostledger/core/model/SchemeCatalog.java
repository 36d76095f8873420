package org.hostledger.core.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The certification schemes this ledger accepts: HDS always, others as configured. */
public final class SchemeCatalog {

    private final Map<String, Scheme> schemes = new LinkedHashMap<>();

    public SchemeCatalog(Collection<Scheme> extra) {
        schemes.put(Scheme.HDS.code(), Scheme.HDS);
        for (Scheme scheme : extra) {
            if (schemes.containsKey(scheme.code())) {
                throw new IllegalArgumentException("scheme " + scheme.code() + " is defined twice");
            }
            schemes.put(scheme.code(), scheme);
        }
    }

    public static SchemeCatalog hdsOnly() {
        return new SchemeCatalog(java.util.List.of());
    }

    public Optional<Scheme> find(String code) {
        return Optional.ofNullable(schemes.get(code));
    }

    public Collection<Scheme> all() {
        return schemes.values();
    }
}
