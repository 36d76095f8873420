package org.hostledger.api.application.registers;

import java.text.Normalizer;
import java.util.Locale;
import org.hostledger.core.model.LedgerIds;

/** Readable ledger ids from names: "Clever Cloud" is {@code clever-cloud}, "Hébergeur Été" {@code hebergeur-ete}. */
final class Slugs {

    private static final int MAX = 64;

    private Slugs() {}

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        if (!LedgerIds.isValid(slug)) {
            slug = ("x-" + slug).substring(0, Math.min(MAX, slug.length() + 2));
        }
        if (!LedgerIds.isValid(slug)) {
            throw new SnapshotUnreadable(null, "'" + name + "' makes no usable id");
        }
        return slug;
    }
}
