package org.hostledger.api.verifiable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;
import org.hostledger.core.note.TlogProof;
import org.hostledger.store.merkle.CheckpointLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The verifiable log as a client sees it: every answer checked with the published key and the proof rules. */
class VerifiableLogTest extends IntegrationTest {

    @Autowired
    CheckpointLog checkpoints;

    private NoteVerifier key() throws Exception {
        Http.Response response = http.get("/api/ledger/verifier-key");
        assertThat(response.status()).isEqualTo(200);
        return NoteVerifier.parse(response.body());
    }

    private Checkpoint checkpoint(NoteVerifier key) throws Exception {
        Http.Response response = http.get("/api/ledger/checkpoint");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        SignedNote note = SignedNote.parse(response.body());
        assertThat(note.open(List.of(key))).containsExactly("test.hostledger.local/ledger");
        return Checkpoint.parse(note.text());
    }

    @Test
    void theCheckpointIsSignedByThePublishedKeyAndCoversEveryEvent() throws Exception {
        registerHost(id("vl-host"), "FR", null, null);
        checkpoints.signLatest();
        Checkpoint checkpoint = checkpoint(key());
        assertThat(checkpoint.origin()).isEqualTo("test.hostledger.local/ledger");
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(head());
        assertThat(checkpoint.size())
                .isEqualTo(checkpoints.latest().orElseThrow().size());
    }

    @Test
    void everyInclusionProofLeadsToTheRootOfItsSize() throws Exception {
        registerHost(id("vl-host"), "FR", null, null);
        long size = head();
        for (long n : List.of(1L, 2L, 3L, 7L, 8L, 13L, size)) {
            byte[] root = null;
            for (long i = 0; i < n; i++) {
                JsonNode proof = http.get("/api/ledger/proofs/inclusion?index=" + i + "&size=" + n)
                        .json();
                byte[] proofRoot = b64(proof.get("rootHash").asText());
                root = root == null ? proofRoot : root;
                assertThat(proofRoot).isEqualTo(root);
                long index = i;
                assertThatCode(() -> ProofVerifier.verifyInclusion(
                                index, n, b64(proof.get("leafHash").asText()), hashes(proof.get("proof")), proofRoot))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void consistencyProofsLinkSmallerTreesToLargerOnes() {
        long size = head();
        for (long from = 0; from <= size; from += 5) {
            JsonNode proof = http.get("/api/ledger/proofs/consistency?from=" + from + "&to=" + size)
                    .json();
            long m = from;
            assertThatCode(() -> ProofVerifier.verifyConsistency(
                            m,
                            size,
                            b64(proof.get("fromRoot").asText()),
                            b64(proof.get("toRoot").asText()),
                            hashes(proof.get("proof"))))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void anEventsTlogProofIsSelfContainedAndPublic() throws Exception {
        String position = registerHost(id("vl-host"), "FR", null, null);
        Http.Response response = http.get("/api/audit/events/" + position + "/proof");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        TlogProof proof = TlogProof.parse(response.body());
        assertThat(proof.index()).isEqualTo(Long.parseLong(position) - 1);
        Checkpoint checkpoint =
                Checkpoint.parse(SignedNote.parse(proof.checkpoint()).text());
        assertThat(SignedNote.parse(proof.checkpoint()).open(List.of(key()))).isNotEmpty();

        JsonNode leaf = http.at("/api/audit/events/" + position + "/leaf")
                .auditor()
                .send()
                .json();
        EventLeaf recomputed = new EventLeaf(
                leaf.get("position").asLong(),
                leaf.get("eventId").asText(),
                leaf.get("aggregateType").asText(),
                leaf.get("aggregateId").asText(),
                leaf.get("sequence").asLong(),
                java.time.Instant.parse(leaf.get("recordedAt").asText()),
                leaf.get("payloadType").asText(),
                leaf.hasNonNull("payloadRevision") ? leaf.get("payloadRevision").asText() : null,
                org.hostledger.core.merkle.MerkleHash.sha256(
                        b64(leaf.get("payload").asText())),
                org.hostledger.core.merkle.MerkleHash.sha256(
                        b64(leaf.get("metadata").asText())),
                b64(leaf.get("chainHash").asText()));
        assertThat(recomputed.hash()).isEqualTo(b64(leaf.get("leafHash").asText()));
        assertThatCode(() -> ProofVerifier.verifyInclusion(
                        proof.index(), checkpoint.size(), recomputed.hash(), proof.hashes(), checkpoint.rootHash()))
                .doesNotThrowAnyException();
        // The same proof checked against a tree of twice the size is refused.
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        proof.index(), 2 * checkpoint.size(), recomputed.hash(), proof.hashes(), checkpoint.rootHash()))
                .isInstanceOf(InvalidProofException.class);
        assertThat(http.get("/api/audit/events/" + position + "/leaf").status()).isEqualTo(401);
    }

    @Test
    void badProofParametersAreProblems() {
        long size = head();
        for (String query : List.of(
                "/api/ledger/proofs/inclusion?index=0",
                "/api/ledger/proofs/inclusion?index=x&size=1",
                "/api/ledger/proofs/inclusion?index=-1&size=1",
                "/api/ledger/proofs/inclusion?index=5&size=5",
                "/api/ledger/proofs/inclusion?index=0&size=0",
                "/api/ledger/proofs/inclusion?index=0&size=" + (2 * size + 10),
                "/api/ledger/proofs/consistency?from=3&to=2",
                "/api/ledger/proofs/consistency?from=1&to=" + (2 * size + 10),
                "/api/ledger/proofs/consistency?to=2",
                "/api/audit/events/0/proof",
                "/api/audit/events/abc/proof")) {
            Http.Response response = http.get(query);
            assertThat(response.status()).as(query + " " + response).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/audit/events/" + (size + 1000) + "/proof").status())
                .isEqualTo(404);
    }

    @Test
    void verifyRecomputesTheTreeAgainstTheSignedCheckpoint() {
        registerHost(id("vl-host"), "FR", null, null);
        CheckpointLog.Stored signed = checkpoints.signLatest();
        JsonNode verdict = http.at("/api/audit/verify").auditor().send().json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("checkpointSize").asLong()).isGreaterThanOrEqualTo(signed.size());
        assertThat(verdict.get("checkpointMatches").asBoolean()).isTrue();
        assertThat(verdict.get("rolledBack").asLong()).isZero();
        assertThat(verdict.has("firstBrokenPosition")).isFalse();
    }

    @Test
    void theLeafExportRecomputesTheCheckpointRoot() throws Exception {
        registerHost(id("vl-host"), "FR", null, null);
        CheckpointLog.Stored signed = checkpoints.signLatest();
        Http.Response export = http.at("/api/audit/leaves")
                .auditor()
                .header("Accept", "application/x-ndjson")
                .send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        long size = Long.parseLong(export.header("X-Checkpoint-Size"));
        assertThat(size).isGreaterThanOrEqualTo(signed.size());
        org.hostledger.core.merkle.CompactRange range = org.hostledger.core.merkle.CompactRange.empty();
        for (String line : export.body().split("\n")) {
            range.append(b64(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(line)
                    .get("leafHash")
                    .asText()));
        }
        assertThat(range.size()).isEqualTo(size);
        assertThat(range.root()).isEqualTo(checkpoints.at(size).orElseThrow().root());
        assertThat(http.get("/api/audit/leaves").status()).isEqualTo(401);
    }

    static byte[] b64(String value) {
        return Base64.getDecoder().decode(value);
    }

    static List<byte[]> hashes(JsonNode array) {
        List<byte[]> list = new ArrayList<>();
        array.forEach(h -> list.add(b64(h.asText())));
        return list;
    }
}
