package org.hostledger.core.model;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, and which of them are in the European Economic Area. */
public final class Countries {

    private static final Set<String> ISO_CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    /** The 27 EU member states plus Iceland, Liechtenstein and Norway. */
    private static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private Countries() {}

    public static boolean isIsoCode(String code) {
        return code != null && ISO_CODES.contains(code);
    }

    public static boolean isInEea(String code) {
        return EEA.contains(code);
    }

    /**
     * The exposure of a host: decided by its ultimate parent's country when it has one, by its own otherwise;
     * {@link Exposure#UNKNOWN} when neither is known (a host imported from a register that publishes no country).
     */
    public static Exposure exposureOf(String country, String parentCountry) {
        String ultimate = parentCountry != null ? parentCountry : country;
        if (ultimate == null) {
            return Exposure.UNKNOWN;
        }
        return isInEea(ultimate) ? Exposure.EU : Exposure.NON_EU;
    }
}
