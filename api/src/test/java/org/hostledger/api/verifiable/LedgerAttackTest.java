package org.hostledger.api.verifiable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;
import org.hostledger.core.note.TlogProof;
import org.hostledger.store.merkle.CheckpointLog;
import org.hostledger.store.merkle.CheckpointPublisher;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Someone with write access to the database rewrites history; the verifiable log shows it. Each test tampers with
 * its own store (a fresh application), on H2 and, with {@code -Ppostgres}, on PostgreSQL.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class LedgerAttackTest extends IntegrationTest {

    @Autowired
    CheckpointLog checkpoints;

    @Autowired
    CheckpointPublisher publisher;

    @Autowired
    NoteSigner ledgerSigner;

    /** Deletes the last k events and rewinds the chain head and the tree to the event before them, by SQL. */
    private void rollBack(int k) {
        long head = head();
        long keep = head - k;
        byte[] hash = jdbc.queryForObject(
                "SELECT chain_hash FROM domain_event_entry WHERE global_index = ?", byte[].class, keep);
        jdbc.update("DELETE FROM " + eventRows() + " WHERE global_index > ?", keep);
        jdbc.update(
                "UPDATE ledger_chain_head SET last_index = ?, last_hash = ?, tree_size = ? WHERE id = 1",
                keep,
                hash,
                keep);
        jdbc.update("DELETE FROM ledger_merkle_node WHERE node_key >= ?", MerkleTreeWriter.firstKeyAfter(keep));
    }

    private JsonNode verify() {
        return http.at("/api/audit/verify").auditor().send().json();
    }

    /**
     * A record this node has cached, then set back in the store behind its back: the next command decides on the
     * store's state (the cache is checked at every load), not on the cached one, and its event takes the next number
     * the store has free. A cache trusted as it stands would reinstate the certificate it remembers suspended and
     * leave a hole in its stream.
     */
    @Test
    void aRecordCachedBeforeARollbackIsLoadedFromTheStoreAgain() {
        String host = id("atk");
        registerHost(host, "FR", null, null);
        String cert = id("atk-cert");
        grant(cert, host, "[1,2]", "2019-01-01", "2022-01-01");
        String change = "{\"effectiveOn\":\"2020-01-01\",\"reason\":\"audit\",\"sources\":" + sources() + "}";
        Http.Response suspended = post("/api/certifications/" + cert + "/suspensions", change);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);

        rollBack(1);

        Http.Response reinstated = post("/api/certifications/" + cert + "/reinstatements", change);
        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(409);
        assertThat(reinstated.body()).contains("only a suspended certificate can be reinstated");
        Http.Response suspendedAgain = post("/api/certifications/" + cert + "/suspensions", change);
        assertThat(suspendedAgain.status()).as(suspendedAgain.toString()).isEqualTo(201);
        assertThat(suspendedAgain.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aDeletedTailWithARewoundChainHeadIsARollbackOfThatManyEvents() {
        registerHost(id("atk"), "FR", null, null);
        registerHost(id("atk"), "FR", null, null);
        CheckpointLog.Stored signed = checkpoints.signLatest();
        rollBack(3);

        JsonNode verdict = verify();
        assertThat(verdict.get("chainIntact").asBoolean())
                .as("the chain alone sees nothing")
                .isTrue();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("rolledBack").asLong()).isEqualTo(3);
        assertThat(verdict.get("checkpointSize").asLong()).isEqualTo(signed.size());
        assertThatThrownBy(checkpoints::signLatest)
                .isInstanceOf(CheckpointLog.InconsistentTreeException.class)
                .hasMessageContaining("3 events rolled back");
        publisher.publish();
        Http.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");
    }

    @Test
    void anEditedPayloadFailsItsInclusionProofAndVerifyNamesIt() throws Exception {
        String position = registerHost(id("atk"), "FR", null, null);
        checkpoints.signLatest();
        String proofFile = http.get("/api/audit/events/" + position + "/proof").body();
        byte[] payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class,
                Long.parseLong(position));
        String forged = new String(payload, StandardCharsets.UTF_8).replace("\"FR\"", "\"DE\"");
        assertThat(forged).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        jdbc.update(
                "UPDATE " + eventRows() + " SET payload = ? WHERE global_index = ?",
                forged.getBytes(StandardCharsets.UTF_8),
                Long.parseLong(position));

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
                MerkleHash.sha256(VerifiableLogTest.b64(leaf.get("payload").asText())),
                MerkleHash.sha256(VerifiableLogTest.b64(leaf.get("metadata").asText())),
                VerifiableLogTest.b64(leaf.get("chainHash").asText()));
        TlogProof proof = TlogProof.parse(proofFile);
        Checkpoint checkpoint =
                Checkpoint.parse(SignedNote.parse(proof.checkpoint()).text());
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        proof.index(), checkpoint.size(), recomputed.hash(), proof.hashes(), checkpoint.rootHash()))
                .isInstanceOf(InvalidProofException.class);

        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(Long.parseLong(position));
        assertThat(verdict.get("firstMismatchedLeaf").asLong()).isEqualTo(Long.parseLong(position));
    }

    @Test
    void aRewrittenHistoryReSignedWithTheRealKeyIsInconsistentWithTheOldCheckpoint() throws Exception {
        registerHost(id("atk"), "FR", null, null);
        CheckpointLog.Stored old = checkpoints.signLatest();
        rollBack(2);
        registerHost(id("atk-rewritten"), "DE", null, null);
        registerHost(id("atk-rewritten"), "DE", null, null);
        registerHost(id("atk-rewritten"), "DE", null, null);
        long size = head();
        assertThat(size).isGreaterThan(old.size());

        // The ledger itself refuses: the new tree does not extend what it signed.
        assertThatThrownBy(checkpoints::signLatest).isInstanceOf(CheckpointLog.InconsistentTreeException.class);
        // And says so to a client that asks for a proof the refused checkpoint would cover.
        Http.Response refused = http.get("/api/audit/events/" + size + "/proof");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Checkpoint refused");
        assertThat(refused.json().get("detail").asText()).contains("does not extend the signed checkpoint");

        // The attacker holds the real key and signs the rewritten tree himself.
        JsonNode newest =
                http.get("/api/ledger/proofs/inclusion?index=0&size=" + size).json();
        String forgedNote = ledgerSigner.sign(new Checkpoint(
                        ledgerSigner.name(),
                        size,
                        VerifiableLogTest.b64(newest.get("rootHash").asText()))
                .format());
        NoteVerifier key =
                NoteVerifier.parse(http.get("/api/ledger/verifier-key").body());
        Checkpoint forged = Checkpoint.parse(SignedNote.parse(forgedNote).text());
        assertThat(SignedNote.parse(forgedNote).open(List.of(key))).isNotEmpty();

        // Anyone holding the old checkpoint asks for the consistency proof and sees the fork.
        JsonNode proof = http.get("/api/ledger/proofs/consistency?from=" + old.size() + "&to=" + size)
                .json();
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
                        old.size(),
                        forged.size(),
                        old.root(),
                        forged.rootHash(),
                        VerifiableLogTest.hashes(proof.get("proof"))))
                .isInstanceOf(InvalidProofException.class);
    }
}
