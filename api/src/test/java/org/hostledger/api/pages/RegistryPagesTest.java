package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /certifications} and {@code /hosts}: the official list's view, its filters and its CSV. */
class RegistryPagesTest extends IntegrationTest {

    private PageClient pages;

    @BeforeEach
    void browser() {
        pages = new PageClient(port);
    }

    @Test
    void theCertificationsPageListsEachCertificateWithHostCertifierFlagsValidityAndStatus() {
        String host = id("rh");
        registerHost(host, "FR", null, null);
        String certificate = id("rc");
        String position = grant(certificate, host, "[1,3]", "2021-01-01", "2024-01-01");

        String page = PagesTest.html(
                pages.get("/certifications?hostId=" + host + "&asOf=2022-06-01&awaitPosition=" + position), 200);

        String row = Html.element(page, "tr", "certification-" + certificate);
        assertThat(Html.text(row))
                .contains(
                        certificate,
                        "Host " + host,
                        "AFNOR Certification",
                        "1 January 2021",
                        "1 January 2024",
                        "Valid");
        assertThat(Html.count(row, "class=\"flag on\"")).isEqualTo(2);
        assertThat(Html.count(row, "class=\"flag off\"")).isEqualTo(4);
        assertThat(Html.hrefs(row)).contains("/hosts/" + host + "?asOf=2022-06-01");
        String later = PagesTest.html(pages.get("/certifications?hostId=" + host + "&asOf=2025-06-01"), 200);
        assertThat(Html.text(Html.element(later, "tr", "certification-" + certificate)))
                .contains("Expired");
    }

    @Test
    void theCertificationsPageFiltersByHostActivityAndStatusAndOffersTheSameSelectionAsCsv() {
        String host = id("rh");
        registerHost(host, "FR", null, null);
        String covering = id("rc");
        grant(covering, host, "[5]", "2021-01-01", "2024-01-01");
        String other = id("rc");
        String position = grant(other, host, "[1]", "2021-01-01", "2024-01-01");

        String query = "?hostId=" + host + "&activity=5&asOf=2022-01-01";
        String page = PagesTest.html(pages.get("/certifications" + query + "&awaitPosition=" + position), 200);

        assertThat(Html.hasId(page, "certification-" + covering)).isTrue();
        assertThat(Html.hasId(page, "certification-" + other)).isFalse();
        assertThat(page).contains("<option value=\"5\" selected=\"selected\">");
        assertThat(Html.hrefs(page)).contains("/certifications.csv" + query + "&awaitPosition=" + position);

        HttpResponse<String> csv = pages.get("/certifications.csv" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .contains("attachment");
        assertThat(csv.body()).contains(covering).doesNotContain(other);
        assertThat(csv.body().lines()).hasSize(2);

        String suspended = PagesTest.html(pages.get("/certifications?status=SUSPENDED&hostId=" + host), 200);
        assertThat(Html.hasId(suspended, "certification-" + covering)).isFalse();
        PagesTest.html(pages.get("/certifications?activity=9"), 400);
    }

    @Test
    void theHostsPageShowsCountryParentExposureCertificatesAndDecisions() {
        String host = id("rh");
        registerHost(host, "IE", "Parent Inc", "US");
        grant(id("rc"), host, "[1]", "2021-01-01", "2024-01-01");
        String position = decide(id("rd"), host, "[1]", "2021-02-01");

        String page = PagesTest.html(
                pages.get("/hosts?country=IE&exposure=NON_EU&asOf=2022-01-01&size=200&awaitPosition=" + position), 200);

        String row = Html.text(Html.element(page, "tr", "host-" + host));
        assertThat(row).contains("Host " + host, "IE", "Parent Inc (US)", "NON_EU", "HDS Valid", "1");
        assertThat(page).contains("name=\"country\" value=\"IE\"", "<option value=\"NON_EU\" selected=\"selected\">");
        String eu = PagesTest.html(pages.get("/hosts?country=IE&exposure=EU&size=200"), 200);
        assertThat(Html.hasId(eu, "host-" + host)).isFalse();
    }

    @Test
    void aCertificateAddressLeadsToItsHostsPage() {
        HttpResponse<String> response = pages.get("/certifications/ovh-hds?asOf=2021-01-01&awaitPosition=36");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith("/hosts/ovh?asOf=2021-01-01#certificate-ovh-hds");
        PagesTest.html(pages.get("/certifications/no-such-certificate"), 404);
    }

    @Test
    void theRegistryPagesSpeakFrench() {
        String page = PagesTest.html(pages.language("fr").get("/certifications?awaitPosition=36"), 200);
        assertThat(Html.text(page)).contains("Hébergeurs certifiés", "Télécharger cette liste (CSV)");
        assertThat(Html.text(PagesTest.html(pages.get("/hosts"), 200))).contains("Hébergeurs enregistrés");
    }
}
