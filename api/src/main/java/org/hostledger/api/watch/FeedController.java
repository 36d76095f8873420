package org.hostledger.api.watch;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public Atom feeds (RFC 4287) of the latest changes: of a record, of a host and everything about it, of a register,
 * of event types, or of a subscription's filter. Each entry links to the record's page and its REST resource.
 */
@ReadsNoView
@RestController
public class FeedController {

    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final int ENTRIES = 100;

    private final WatchStore store;

    public FeedController(WatchStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/feeds/changes.atom", produces = "application/atom+xml")
    public ResponseEntity<String> changes(
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String register,
            @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String subscription) {
        SubscriptionFilter filter;
        if (subscription != null) {
            if (recordId != null || hostId != null || register != null || type != null) {
                throw FieldError.invalid("subscription", "a subscription's feed takes no other filter");
            }
            filter = store.subscription(subscription)
                    .map(WatchStore.Subscription::filter)
                    .orElseThrow(() -> new UnknownRecord("subscription", subscription));
        } else {
            filter = new SubscriptionFilter(recordId == null ? null : List.of(recordId), hostId, register, type);
            Subscriptions.check(filter);
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String self = ServletUriComponentsBuilder.fromCurrentRequest().toUriString();
        List<WatchedChange> changes = store.latestChanges(filter, ENTRIES);

        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:hostledger:feed:changes"
                + (subscription != null ? ":subscription=" + subscription : describe(filter, ":")));
        feed.setTitle("HostLedger changes"
                + (subscription != null ? " — subscription " + subscription : describe(filter, " — ")));
        Person author = new Person();
        author.setName("HostLedger");
        feed.setAuthors(List.of(author));
        feed.setUpdated(
                changes.isEmpty() ? new Date(0) : Date.from(changes.get(0).recordedAt()));
        feed.setOtherLinks(List.of(link("self", self, "application/atom+xml")));
        feed.setAlternateLinks(List.of(link("alternate", base + "/", "text/html")));
        List<Entry> entries = new ArrayList<>();
        for (WatchedChange change : changes) {
            entries.add(entry(base, change));
        }
        feed.setEntries(entries);
        try {
            return ResponseEntity.ok().contentType(ATOM).body(new WireFeedOutput().outputString(feed));
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    private static final Pattern ALERT_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Z_]+)\"");

    private static Entry entry(String base, WatchedChange change) {
        Entry entry = new Entry();
        entry.setId("urn:hostledger:event:" + change.position());
        entry.setTitle(what(change) + " — " + change.recordType() + " " + change.recordId());
        Date recorded = Date.from(change.recordedAt());
        entry.setUpdated(recorded);
        entry.setPublished(recorded);
        List<Link> alternates = new ArrayList<>();
        WatchLinks.page(change).ifPresent(page -> alternates.add(link("alternate", base + page, "text/html")));
        if (alternates.isEmpty()) {
            WatchLinks.api(change).ifPresent(api -> alternates.add(link("alternate", base + api, "application/json")));
        }
        entry.setAlternateLinks(alternates);
        WatchLinks.api(change)
                .ifPresent(api -> entry.setOtherLinks(List.of(link("related", base + api, "application/json"))));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(what(change) + " of " + change.recordType() + " " + change.recordId()
                + (change.effectiveOn() == null ? "" : ", effective " + change.effectiveOn())
                + (change.hostId() == null ? "" : ", host " + change.hostId())
                + (change.registerId() == null ? "" : ", register " + change.registerId())
                + ", recorded " + change.recordedAt() + " at position " + change.position());
        entry.setSummary(summary);
        return entry;
    }

    /** The event's name; for an alert, with its kind ("AlertRecorded CERTIFICATE_SUSPENDED"). */
    private static String what(WatchedChange change) {
        if ("Alert".equals(change.recordType())) {
            Matcher kind = ALERT_KIND.matcher(change.payload());
            if (kind.find()) {
                return change.eventType() + " " + kind.group(1);
            }
        }
        return change.eventType();
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static String describe(SubscriptionFilter filter, String prefix) {
        List<String> parts = new ArrayList<>();
        if (!filter.recordIds().isEmpty()) {
            parts.add("record=" + String.join(",", filter.recordIds()));
        }
        if (filter.hostId() != null) {
            parts.add("host=" + filter.hostId());
        }
        if (filter.register() != null) {
            parts.add("register=" + filter.register());
        }
        if (!filter.eventTypes().isEmpty()) {
            parts.add("type=" + String.join(",", filter.eventTypes()));
        }
        return parts.isEmpty() ? "" : prefix + String.join(";", parts);
    }
}
