package org.hostledger.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Known answers of the chain rule. The expected hashes were computed once, independently of this code, by a Python
 * script that follows only the byte layout documented on {@link EventChain} (hashlib.sha256; struct.pack ">qqq" for
 * the global index, sequence number and microseconds since the epoch; ">i" length prefixes, -1 for null):
 *
 * <pre>
 * def field(b): return struct.pack(">i", -1) if b is None else struct.pack(">i", len(b)) + b
 * def text(s): return field(None if s is None else s.encode("utf-8"))
 * def link(prev, gi, eid, atype, aid, seq, at_micros, ptype, rev, payload, meta):
 *     m = hashlib.sha256(); m.update(prev); m.update(b"hostledger-chain-v1")
 *     m.update(struct.pack(">qqq", gi, seq, at_micros))
 *     for s in (eid, atype, aid, ptype, rev): m.update(text(s))
 *     m.update(field(payload)); m.update(field(meta)); return m.digest()
 * </pre>
 *
 * <p>A change of the rule, of its tag or of the order of its fields fails these tests: the chains already stored
 * would no longer verify.
 */
class EventChainTest {

    private static final byte[] FIRST_PAYLOAD =
            "{\"hostId\":\"h-ovh\",\"name\":\"Société OVH\",\"country\":\"FR\",\"effectiveOn\":\"2019-06-14\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] FIRST_METADATA =
            "{\"actor\":\"alice\",\"correlationId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

    /** The first event of a store, no payload revision (null, hashed as length -1). */
    private static EventChain.Link first(String revision) {
        return new EventChain.Link(
                1,
                "0b7e5a1c-3f1d-4c55-9a43-1e2f5d6c7b80",
                "Host",
                "h-ovh",
                0,
                Instant.parse("2024-03-01T09:30:15.123456Z"),
                "org.hostledger.core.event.HostRegistered",
                revision,
                FIRST_PAYLOAD,
                FIRST_METADATA);
    }

    private static final EventChain.Link SECOND = new EventChain.Link(
            2,
            "5d0c2e8a-9b61-4f0e-8c7d-2a3b4c5d6e7f",
            "Host",
            "h-ovh",
            1,
            Instant.parse("2024-03-02T00:00:00Z"),
            "org.hostledger.core.event.HostOwnershipChanged",
            "2",
            "{\"hostId\":\"h-ovh\",\"parentCompany\":\"OVH Groupe\",\"parentCountry\":\"FR\",\"effectiveOn\":\"2021-10-15\"}"
                    .getBytes(StandardCharsets.UTF_8),
            null);

    private static final String FIRST_HASH = "4cbdab010b2c843471c97ecc9f3516c9b31e3d795f9c4ca25f4e1dc891b6507c";

    @Test
    void theGenesisHashIs32ZeroBytes() {
        assertThat(EventChain.hex(EventChain.genesis())).isEqualTo("00".repeat(32));
    }

    @Test
    void theFirstLinkChainsOnTheGenesisHash() {
        assertThat(EventChain.hex(EventChain.link(EventChain.genesis(), first(null))))
                .isEqualTo(FIRST_HASH);
    }

    @Test
    void theSecondLinkChainsOnTheFirst() {
        byte[] firstHash = EventChain.link(EventChain.genesis(), first(null));

        assertThat(EventChain.hex(EventChain.link(firstHash, SECOND)))
                .isEqualTo("74770667ce33e7229820c1b7bd20d5f38f0d7aa70943f13f5d9204cfb6424e95");
    }

    @Test
    void anEmptyRevisionIsNotAnAbsentOne() {
        assertThat(EventChain.hex(EventChain.link(EventChain.genesis(), first(""))))
                .isEqualTo("ce768b17713b3304b0f1ca3f24ad36117c37fa2fa1cbce74d3e7e80ecb023084")
                .isNotEqualTo(FIRST_HASH);
    }

    @Test
    void instantsAreSignedMicrosecondsAndEmptyPayloadsHaveLengthZero() {
        EventChain.Link link = new EventChain.Link(
                7,
                "e",
                "HostingDecision",
                "d-1",
                3,
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                "t",
                null,
                new byte[0],
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(EventChain.hex(EventChain.link(EventChain.genesis(), link)))
                .isEqualTo("6c4661315450f9b591069302db351849fbf502a2808480e0149085312bcf6bd4");
    }

    @Test
    void recordedInstantsAreKeptToTheMicrosecond() {
        assertThat(EventChain.truncate(Instant.parse("2024-03-01T09:30:15.123456789Z")))
                .isEqualTo(Instant.parse("2024-03-01T09:30:15.123456Z"));
    }

    @Test
    void eachCallerGetsItsOwnGenesisArray() {
        byte[] genesis = EventChain.genesis();
        genesis[0] = 1;

        assertThat(EventChain.genesis()[0]).isZero();
    }
}
