package org.hostledger.projections.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.Arrays;
import org.hostledger.core.query.CertificationStatus;
import org.junit.jupiter.api.Test;

/**
 * The typed kinds and statuses of the registry's tables: their names are the stored column values and what the REST
 * output shows, so renaming one changes the read models and the API.
 */
class RegistryChangeKindsTest {

    private static final LocalDate ON = LocalDate.of(2020, 3, 2);

    private static final CertState GRANTED = new CertState(
            "h",
            "HDS",
            "HDS v1.1",
            "LNE",
            "scope",
            "1,2",
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2022, 1, 1),
            CertStatus.VALID,
            "[]");

    @Test
    void theStoredNamesAreTheOnesTheTablesHold() {
        assertThat(Arrays.stream(HostChange.Kind.values()).map(Enum::name))
                .containsExactly("OWNERSHIP_CHANGED", "CORRECTED");
        assertThat(Arrays.stream(CertChange.Kind.values()).map(Enum::name))
                .containsExactly("SUSPENDED", "REINSTATED", "WITHDRAWN", "RENEWED", "SCOPE_CHANGED", "CORRECTED");
        assertThat(Arrays.stream(CertStatus.values()).map(Enum::name))
                .containsExactly("VALID", "SUSPENDED", "WITHDRAWN");
    }

    /** The queries read a stored status as the published one (CertificationStatus.valueOf): each must be one. */
    @Test
    void everyRecordedStatusIsAPublishedOne() {
        for (CertStatus status : CertStatus.values()) {
            assertThatCode(() -> CertificationStatus.valueOf(status.name())).doesNotThrowAnyException();
        }
    }

    @Test
    void aCertificateStateIsStoredUnderItsStatusName() {
        assertThat(GRANTED.withStatus(CertStatus.SUSPENDED).values()).contains("SUSPENDED");
    }

    @Test
    void eachCertificateChangeMovesTheStateAsItsKindSays() {
        assertThat(change(CertChange.Kind.SUSPENDED).applyTo(GRANTED).status()).isEqualTo(CertStatus.SUSPENDED);
        assertThat(change(CertChange.Kind.REINSTATED)
                        .applyTo(GRANTED.withStatus(CertStatus.SUSPENDED))
                        .status())
                .isEqualTo(CertStatus.VALID);
        assertThat(change(CertChange.Kind.WITHDRAWN).applyTo(GRANTED).status()).isEqualTo(CertStatus.WITHDRAWN);
        CertState renewed = new CertChange(CertChange.Kind.RENEWED, ON, 1, LocalDate.of(2025, 1, 1), "HDS v2", null)
                .applyTo(GRANTED);
        assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(renewed.referential()).isEqualTo("HDS v2");
        assertThat(new CertChange(CertChange.Kind.SCOPE_CHANGED, ON, 1, null, null, "5")
                        .applyTo(GRANTED)
                        .activities())
                .isEqualTo("5");
        assertThat(change(CertChange.Kind.CORRECTED).applyTo(GRANTED)).isEqualTo(GRANTED);
    }

    @Test
    void anOwnershipChangeSetsTheParentAndACorrectionLeavesTheHost() {
        HostState host = new HostState("OVH", "FR", null, null, LocalDate.of(2018, 1, 1), "[]");

        assertThat(new HostChange(HostChange.Kind.OWNERSHIP_CHANGED, ON, 1, "Big Co", "US")
                        .applyTo(host)
                        .parentCountry())
                .isEqualTo("US");
        assertThat(new HostChange(HostChange.Kind.CORRECTED, ON, 1, "Big Co", "US").applyTo(host))
                .isEqualTo(host);
    }

    private static CertChange change(CertChange.Kind kind) {
        return new CertChange(kind, ON, 1, null, null, null);
    }
}
