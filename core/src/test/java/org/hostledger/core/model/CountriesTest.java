package org.hostledger.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void theUltimateParentsCountryDecidesTheExposure() {
        assertThat(Countries.exposureOf("FR", null)).isEqualTo(Exposure.EU);
        assertThat(Countries.exposureOf("IE", "US")).isEqualTo(Exposure.NON_EU);
        assertThat(Countries.exposureOf("US", "FR")).isEqualTo(Exposure.EU);
    }

    @Test
    void aHostWhoseRegisterPublishesNoCountryIsOfUnknownExposureNeverEuOrNonEu() {
        assertThat(Countries.exposureOf(null, null)).isEqualTo(Exposure.UNKNOWN);
        // A known parent's country still decides.
        assertThat(Countries.exposureOf(null, "US")).isEqualTo(Exposure.NON_EU);
    }
}
