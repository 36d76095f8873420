package org.hostledger.projections.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.model.CertificateKind;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.PageRequest;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

class RegistryProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private HostView host(String id, String asOf) {
        return harness.registry.handle(new FindHost(id, harness.asOf(asOf)));
    }

    private CertificationView cert(String id, String asOf) {
        return harness.registry.handle(new FindCertification(id, harness.asOf(asOf)));
    }

    private CertificationGranted granted(String id, String host, List<Integer> activities, String from, String until) {
        return new CertificationGranted(id, host, "HDS", "v1", "LNE", activities, null, d(from), d(until), SOURCES);
    }

    @Test
    void aRegisteredHostExistsFromItsEffectiveDateWithItsExposure() {
        harness.feed(
                new HostRegistered("ms", "Microsoft", "IE", "Microsoft Corporation", "US", d("2018-04-01"), SOURCES));
        assertThat(host("ms", "2018-03-31")).isNull();
        HostView ms = host("ms", "2018-04-01");
        assertThat(ms.parentCountry()).isEqualTo("US");
        assertThat(ms.exposure()).isEqualTo(Exposure.NON_EU);
        assertThat(ms.version()).isZero();
        assertThat(rows("rm_host_version", "ms")).hasSize(1);
    }

    @Test
    void anOwnershipChangeSplitsTheTimelineAndChangesTheExposure() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2018-01-01"), SOURCES));
        Instant beforeChange = harness.now();
        harness.feed(new HostOwnershipChanged("h", "Far Corp", "US", d("2021-06-01"), "acquired", SOURCES));
        assertThat(host("h", "2021-05-31").exposure()).isEqualTo(Exposure.EU);
        assertThat(host("h", "2021-06-01").exposure()).isEqualTo(Exposure.NON_EU);
        assertThat(host("h", "2021-06-01").ownershipChanges()).hasSize(1);
        assertThat(host("h", "2021-05-31").ownershipChanges()).isEmpty();
        HostView knownBefore = harness.registry.handle(new FindHost("h", harness.at("2022-01-01", beforeChange)));
        assertThat(knownBefore.exposure()).isEqualTo(Exposure.EU);
        assertThat(host("h", "2022-01-01").version()).isEqualTo(1);
        // One row closed, two believed since the change.
        assertThat(rows("rm_host_version", "h")).hasSize(3);
    }

    @Test
    void aCorrectionRewritesTheRegistrationRetroactivelyButNotWhatWasKnownBefore() {
        harness.feed(new HostRegistered("h", "Hots", "FR", null, null, d("2018-01-01"), SOURCES));
        Instant original = harness.now();
        harness.feed(new HostCorrected("h", "Host", "FR", "Parent", "CN", d("2017-01-01"), "typo and parent", SOURCES));
        HostView corrected = host("h", "2017-06-01");
        assertThat(corrected.name()).isEqualTo("Host");
        assertThat(corrected.exposure()).isEqualTo(Exposure.NON_EU);
        assertThat(corrected.corrections()).extracting(c -> c.reason()).containsExactly("typo and parent");
        HostView then = harness.registry.handle(new FindHost("h", harness.at("2019-01-01", original)));
        assertThat(then.name()).isEqualTo("Hots");
        assertThat(then.corrections()).isEmpty();
        assertThat(harness.registry.handle(new FindHost("h", harness.at("2017-06-01", original))))
                .isNull();
    }

    @Test
    void aCertificatesStatusFollowsItsLifecycleAndExpiresWithItsValidity() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feedAll(
                granted("c", "h", ALL, "2018-06-01", "2021-06-01"),
                new CertificationSuspended("c", d("2019-01-01"), "audit", SOURCES),
                new CertificationReinstated("c", d("2019-03-01"), "fixed", SOURCES),
                new CertificationScopeChanged("c", List.of(1, 2), d("2020-01-01"), "narrowed", SOURCES),
                new CertificationRenewed("c", d("2024-06-01"), "v2.0", d("2021-05-01"), SOURCES),
                new CertificationWithdrawn("c", d("2023-01-01"), "stopped", SOURCES));
        assertThat(cert("c", "2018-05-31")).isNull();
        assertThat(cert("c", "2018-06-01").status()).isEqualTo(CertificationStatus.VALID);
        assertThat(cert("c", "2019-01-01").status()).isEqualTo(CertificationStatus.SUSPENDED);
        assertThat(cert("c", "2019-03-01").status()).isEqualTo(CertificationStatus.VALID);
        assertThat(cert("c", "2019-12-31").activities()).isEqualTo(ALL);
        assertThat(cert("c", "2019-12-31").kind()).isEqualTo(CertificateKind.BOTH);
        assertThat(cert("c", "2020-01-01").activities()).containsExactly(1, 2);
        assertThat(cert("c", "2020-01-01").kind()).isEqualTo(CertificateKind.PHYSICAL_INFRASTRUCTURE);
        assertThat(cert("c", "2021-04-30").validUntil()).isEqualTo(d("2021-06-01"));
        assertThat(cert("c", "2021-05-01").validUntil()).isEqualTo(d("2024-06-01"));
        assertThat(cert("c", "2021-05-01").referential()).isEqualTo("v2.0");
        assertThat(cert("c", "2023-01-01").status()).isEqualTo(CertificationStatus.WITHDRAWN);
        assertThat(cert("c", "2023-01-01").changes())
                .extracting(CertificationView.Change::kind)
                .containsExactly("SUSPENDED", "REINSTATED", "SCOPE_CHANGED", "RENEWED", "WITHDRAWN");
        assertThat(cert("c", "2023-01-01").version()).isEqualTo(5);
    }

    @Test
    void oneCertificateShowsItsLatest200ChangesAndHowManyThereAre() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feed(granted("c", "h", ALL, "2018-06-01", "2021-06-01"));
        for (int i = 0; i < 105; i++) {
            LocalDate on = d("2018-07-01").plusDays(i * 2L);
            harness.feed(new CertificationSuspended("c", on, "audit", SOURCES));
            harness.feed(new CertificationReinstated("c", on.plusDays(1), "fixed", SOURCES));
        }
        CertificationView view = cert("c", "2021-01-01");
        assertThat(view.changeCount()).isEqualTo(210);
        assertThat(view.changes()).hasSize(200);
        assertThat(view.changes().get(0).effectiveOn())
                .as("the latest 200, oldest first")
                .isEqualTo(d("2018-07-01").plusDays(10));
        assertThat(view.changes().get(199).effectiveOn())
                .isEqualTo(d("2018-07-01").plusDays(209));
        assertThat(view.status()).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void aCertificateNotRenewedExpiresTheDayAfterItsValidUntil() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feed(granted("c", "h", ALL, "2018-06-01", "2021-06-01"));
        assertThat(cert("c", "2021-06-01").status()).isEqualTo(CertificationStatus.VALID);
        assertThat(cert("c", "2021-06-02").status()).isEqualTo(CertificationStatus.EXPIRED);
        assertThat(harness.registry
                        .handle(new ListCertifications(
                                "h",
                                null,
                                CertificationStatus.EXPIRED,
                                harness.asOf("2022-01-01"),
                                new PageRequest(0, 10)))
                        .items())
                .extracting(CertificationView::id)
                .containsExactly("c");
    }

    @Test
    void aCorrectedGrantIsRefoldedWithItsLaterChanges() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feedAll(
                granted("c", "h", List.of(1, 2, 3), "2018-06-01", "2021-06-01"),
                new CertificationSuspended("c", d("2019-01-01"), "audit", SOURCES));
        harness.feed(new CertificationCorrected(
                "c", "h", "v1", "AFNOR", ALL, null, d("2018-03-01"), d("2021-03-01"), "wrong grant", SOURCES));
        assertThat(cert("c", "2018-03-01").activities()).isEqualTo(ALL);
        assertThat(cert("c", "2018-03-01").certifier()).isEqualTo("AFNOR");
        assertThat(cert("c", "2019-01-01").status()).isEqualTo(CertificationStatus.SUSPENDED);
        assertThat(cert("c", "2019-01-01").certifier()).isEqualTo("AFNOR");
    }

    @Test
    void listsFilterByActivityAndCountryAndShowTheHostsCertificates() {
        harness.feedAll(
                new HostRegistered("a", "A", "FR", null, null, d("2018-01-01"), SOURCES),
                new HostRegistered("b", "B", "DE", null, null, d("2018-01-01"), SOURCES),
                granted("ca", "a", List.of(1, 2), "2018-06-01", "2021-06-01"),
                granted("cb", "b", List.of(3, 4, 5, 6), "2018-06-01", "2021-06-01"));
        assertThat(harness.registry
                        .handle(new ListCertifications(
                                null, 5, null, harness.asOf("2019-01-01"), new PageRequest(0, 10)))
                        .items())
                .extracting(CertificationView::id)
                .containsExactly("cb");
        var hosts =
                harness.registry.handle(new ListHosts("FR", null, harness.asOf("2019-01-01"), new PageRequest(0, 10)));
        assertThat(hosts.totalItems()).isEqualTo(1);
        assertThat(hosts.items().get(0).certifications())
                .extracting(CertificationView::id)
                .containsExactly("ca");
    }

    @Test
    void aResetEmptiesEveryRegistryTable() {
        harness.feedAll(
                new HostRegistered("a", "A", "FR", null, null, d("2018-01-01"), SOURCES),
                granted("ca", "a", List.of(1, 2), "2018-06-01", "2021-06-01"));
        harness.resetAll();
        for (String table : List.of("rm_host_base", "rm_host_version", "rm_cert_base", "rm_cert_version")) {
            assertThat(harness.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .isZero();
        }
    }

    private List<Map<String, Object>> rows(String table, String id) {
        return harness.jdbc.queryForList("SELECT * FROM " + table + " WHERE host_id = ?", id);
    }
}
