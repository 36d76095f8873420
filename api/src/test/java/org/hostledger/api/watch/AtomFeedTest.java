package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The public Atom feeds, read back as a feed reader would and checked against RFC 4287's rules. */
class AtomFeedTest extends IntegrationTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private Http.Response feed(String query, String position) {
        Http.Response response = http.get("/api/feeds/changes.atom?" + query + "&awaitPosition=" + position);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/atom+xml");
        return response;
    }

    @Test
    void aHostsFeedHoldsItsChangesAndThoseOfItsCertificatesNewestFirst() throws Exception {
        String host = id("fed");
        String other = id("notfed");
        registerHost(host, "FR", null, null);
        registerHost(other, "FR", null, null);
        String cert = id("fedcert");
        grant(cert, host, "[1]", "2020-01-01", "2023-01-01");
        String last = grant(id("othercert"), other, "[1]", "2020-01-01", "2023-01-01");

        Feed feed = (Feed) new WireFeedInput()
                .build(new StringReader(feed("hostId=" + host, last).body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<String> titles = new ArrayList<>();
        for (Entry entry : feed.getEntries()) {
            titles.add(entry.getTitle());
        }
        assertThat(titles)
                .containsExactly("CertificationGranted — Certification " + cert, "HostRegistered — Host " + host);
        Entry granted = feed.getEntries().get(0);
        assertThat(granted.getAlternateLinks().get(0).getHref()).endsWith("/hosts/" + host);
        assertThat(granted.getOtherLinks().get(0).getHref()).endsWith("/api/certifications/" + cert);

        Feed one = (Feed) new WireFeedInput()
                .build(new StringReader(feed("recordId=" + cert, last).body()));
        assertThat(one.getEntries()).hasSize(1);
        Feed types = (Feed) new WireFeedInput()
                .build(new StringReader(
                        feed("hostId=" + host + "&type=HostRegistered", last).body()));
        assertThat(types.getEntries()).hasSize(1);
        assertThat(types.getEntries().get(0).getTitle()).startsWith("HostRegistered");
    }

    @Test
    void hostAndDecisionPagesLinkToTheirFeeds() throws Exception {
        String host = id("followed");
        registerHost(host, "FR", null, null);
        String decision = id("followeddecision");
        String position = decide(decision, host, "[1]", "2020-01-01");
        Http.Response hostPage = http.get("/hosts/" + host + "?awaitPosition=" + position);
        assertThat(hostPage.status()).isEqualTo(200);
        assertThat(hostPage.body()).contains("href=\"/api/feeds/changes.atom?hostId=" + host + "\"");
        Http.Response decisionPage = http.get("/decisions/" + decision + "?awaitPosition=" + position);
        assertThat(decisionPage.body()).contains("href=\"/api/feeds/changes.atom?recordId=" + decision + "\"");
        Feed feed = (Feed) new WireFeedInput()
                .build(new StringReader(feed("recordId=" + decision, position).body()));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref())
                .endsWith("/decisions/" + decision);
    }

    @Test
    void theFeedFollowsTheAtomRules() throws Exception {
        String host = id("rules");
        registerHost(host, "FR", null, null);
        String last = grant(id("rulescert"), host, "[1,2]", "2020-01-01", "2023-01-01");
        for (String query : List.of("hostId=" + host, "type=HostRegistered", "register=fedramp")) {
            checkAtomRules(feed(query, last).body());
        }
    }

    @Test
    void aSubscriptionsFeedUsesItsFilterAndBadFiltersAreRefused() throws Exception {
        String host = id("subfeed");
        String position = registerHost(host, "FR", null, null);
        Http.Response created = post("/api/subscriptions", "{\"filter\":{\"recordIds\":[\"" + host + "\"]}}");
        String subscription = created.json().get("id").asText();
        Feed feed = (Feed) new WireFeedInput()
                .build(new StringReader(
                        feed("subscription=" + subscription, position).body()));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getTitle()).endsWith(host);

        Http.Response bad = http.get("/api/feeds/changes.atom?type=not-a-type");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/feeds/changes.atom?subscription=sub-none").status())
                .isEqualTo(404);
    }

    /**
     * RFC 4287: atom:feed has exactly one atom:id (an absolute IRI), atom:title and atom:updated (an RFC 3339 date),
     * an atom:author (or each entry has one), a rel="self" link; each atom:entry has exactly one atom:id, unique in the
     * feed, atom:title and atom:updated, and, having no atom:content, a rel="alternate" link; every link has an href.
     */
    static void checkAtomRules(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        checkIdTitleUpdated(feed);
        assertThat(children(feed, "author")).hasSize(1);
        assertThat(children(children(feed, "author").get(0), "name")).hasSize(1);
        assertThat(children(feed, "link").stream()
                        .filter(l -> l.getAttribute("rel").equals("self")))
                .hasSize(1);
        Set<String> ids = new HashSet<>();
        for (Element link : children(feed, "link")) {
            assertThat(link.getAttribute("href")).isNotEmpty();
        }
        for (Element entry : children(feed, "entry")) {
            checkIdTitleUpdated(entry);
            assertThat(ids.add(text(children(entry, "id").get(0))))
                    .as("entry ids are unique")
                    .isTrue();
            assertThat(children(entry, "content")).isEmpty();
            assertThat(children(entry, "link").stream()
                            .filter(l -> l.getAttribute("rel").isEmpty()
                                    || l.getAttribute("rel").equals("alternate")))
                    .isNotEmpty();
            for (Element link : children(entry, "link")) {
                assertThat(URI.create(link.getAttribute("href")).isAbsolute()).isTrue();
            }
        }
    }

    private static void checkIdTitleUpdated(Element element) {
        assertThat(children(element, "id")).hasSize(1);
        assertThat(URI.create(text(children(element, "id").get(0))).isAbsolute())
                .as("atom:id is an absolute IRI")
                .isTrue();
        assertThat(children(element, "title")).hasSize(1);
        assertThat(text(children(element, "title").get(0))).isNotBlank();
        assertThat(children(element, "updated")).hasSize(1);
        // RFC 3339 date-time, with an offset or Z
        OffsetDateTime.parse(text(children(element, "updated").get(0)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
