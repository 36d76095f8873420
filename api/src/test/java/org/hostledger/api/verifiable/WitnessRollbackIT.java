package org.hostledger.api.verifiable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.process.LedgerProcess;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.SignedNote;
import org.hostledger.core.note.TlogProof;
import org.hostledger.store.merkle.CheckpointLog;
import org.hostledger.store.merkle.CheckpointPublisher;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger with a real witness (the witness module's jar, its own process, key and database): checkpoints get
 * cosigned; a tail deleted together with the ledger's own checkpoints is still caught, as a rollback of exactly that
 * many events; a rewritten history re-signed with the real key is refused by the witness. On H2, and on PostgreSQL
 * with {@code -Ppostgres}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WitnessRollbackIT extends IntegrationTest {

    static final String ORIGIN = "witnessed.hostledger.local/ledger";
    static final NoteSigner LEDGER_KEY = generate(ORIGIN, false);
    static final NoteSigner WITNESS_KEY = generate("witness.hostledger.local", true);
    static Process witness;
    static int witnessPort;

    static NoteSigner generate(String name, boolean cosigner) {
        try {
            return cosigner ? NoteSigner.generateCosigner(name) : NoteSigner.generate(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Path.of("target/witness-it/" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dir.resolve("witness"));
        Files.writeString(dir.resolve("ledger-signing.key"), LEDGER_KEY + "\n");
        Files.writeString(dir.resolve("witness/witness.key"), WITNESS_KEY + "\n");
        // One witness per application context: each test's ledger starts from its own demo history.
        stopWitness();
        {
            witnessPort = LedgerProcess.freePort();
            String jar = System.getProperty("hostledger.witness.jar", "../witness/target/hostledger-witness-exec.jar");
            witness = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-jar",
                            jar,
                            "--server.address=127.0.0.1",
                            "--server.port=" + witnessPort,
                            "--hostledger.witness.data-dir=" + dir.resolve("witness"),
                            "--hostledger.witness.name=" + WITNESS_KEY.name(),
                            "--hostledger.witness.logs=" + LEDGER_KEY.verifier())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("witness.log").toFile())
                    .start();
            waitForWitness();
        }
        registry.add("hostledger.ledger.origin", () -> ORIGIN);
        registry.add("hostledger.ledger.signing-key", () -> dir.resolve("ledger-signing.key")
                .toString());
        registry.add("hostledger.ledger.checkpoint-interval", () -> "1h");
        registry.add("hostledger.ledger.witnesses[0].url", () -> "http://127.0.0.1:" + witnessPort + "/");
        registry.add(
                "hostledger.ledger.witnesses[0].key",
                () -> WITNESS_KEY.verifier().toString());
    }

    static void waitForWitness() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witnessPort + "/verifier-key"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!witness.isAlive()) {
                throw new IllegalStateException("the witness exited with " + witness.exitValue());
            }
            witness.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the witness did not start");
    }

    @AfterAll
    static void stopWitness() throws InterruptedException {
        if (witness != null) {
            witness.destroy();
            witness.waitFor(10, TimeUnit.SECONDS);
            witness = null;
        }
    }

    @Autowired
    CheckpointLog checkpoints;

    @Autowired
    CheckpointPublisher publisher;

    private void rollBack(int k) {
        long keep = head() - k;
        byte[] hash = jdbc.queryForObject(
                "SELECT chain_hash FROM domain_event_entry WHERE global_index = ?", byte[].class, keep);
        jdbc.update("DELETE FROM " + eventRows() + " WHERE global_index > ?", keep);
        jdbc.update(
                "UPDATE ledger_chain_head SET last_index = ?, last_hash = ?, tree_size = ? WHERE id = 1",
                keep,
                hash,
                keep);
        jdbc.update("DELETE FROM ledger_merkle_node WHERE node_key >= ?", MerkleTreeWriter.firstKeyAfter(keep));
        // The attacker also removes the ledger's own memory of the larger tree.
        jdbc.update("DELETE FROM ledger_checkpoint WHERE tree_size > ?", keep);
    }

    @Test
    void checkpointsAreCosignedAndEventProofsCarryTheCosignature() throws Exception {
        String position = registerHost(id("wit"), "FR", null, null);
        publisher.publish();
        String note = http.get("/api/ledger/checkpoint").body();
        assertThat(SignedNote.parse(note).open(List.of(LEDGER_KEY.verifier(), WITNESS_KEY.verifier())))
                .containsExactly(ORIGIN, WITNESS_KEY.name());
        TlogProof proof = TlogProof.parse(
                http.get("/api/audit/events/" + position + "/proof").body());
        assertThat(SignedNote.parse(proof.checkpoint()).open(List.of(WITNESS_KEY.verifier())))
                .containsExactly(WITNESS_KEY.name());
    }

    @Test
    void aTailDeletedWithTheLedgersOwnCheckpointsIsARollbackOfThatManyEvents() {
        registerHost(id("wit"), "FR", null, null);
        registerHost(id("wit"), "FR", null, null);
        publisher.publish();
        rollBack(4);
        assertThat(checkpoints.rolledBack())
                .as("the ledger's own table no longer knows")
                .isZero();

        publisher.publish();
        JsonNode verdict = http.at("/api/audit/verify").auditor().send().json();
        assertThat(verdict.get("rolledBack").asLong()).isEqualTo(4);
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(http.get("/actuator/health").status()).isEqualTo(503);
    }

    @Test
    void aRewrittenHistoryReSignedWithTheRealKeyIsRefusedByTheWitness() throws Exception {
        registerHost(id("wit"), "FR", null, null);
        publisher.publish();
        long witnessed = checkpoints.latest().orElseThrow().size();
        rollBack(2);
        registerHost(id("wit-rewritten"), "DE", null, null);
        registerHost(id("wit-rewritten"), "DE", null, null);
        registerHost(id("wit-rewritten"), "DE", null, null);
        long size = head();
        JsonNode tree =
                http.get("/api/ledger/proofs/inclusion?index=0&size=" + size).json();
        byte[] root = Base64.getDecoder().decode(tree.get("rootHash").asText());
        String forged = LEDGER_KEY.sign(new Checkpoint(ORIGIN, size, root).format());
        JsonNode proof = http.get("/api/ledger/proofs/consistency?from=" + witnessed + "&to=" + size)
                .json();
        String proofLines = java.util.stream.StreamSupport.stream(
                        proof.get("proof").spliterator(), false)
                .map(h -> h.asText() + "\n")
                .collect(Collectors.joining());

        assertThat(addCheckpoint("old " + witnessed + "\n" + proofLines + "\n" + forged))
                .as("a consistency proof from the witnessed tree to the rewritten one fails")
                .isEqualTo(422);
        assertThat(addCheckpoint("old 0\n\n" + forged)).as("a stale old size").isEqualTo(409);
        // The offline check agrees: the forged head is not consistent with the witnessed one.
        String heldNote = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + witnessPort + "/checkpoint/" + originKey()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Checkpoint held = Checkpoint.parse(SignedNote.parse(heldNote).text());
        assertThat(held.size()).isEqualTo(witnessed);
        assertThat(consistent(held, size, root, proof)).isFalse();
    }

    private static boolean consistent(Checkpoint held, long size, byte[] root, JsonNode proof) {
        try {
            ProofVerifier.verifyConsistency(
                    held.size(), size, held.rootHash(), root, VerifiableLogTest.hashes(proof.get("proof")));
            return true;
        } catch (org.hostledger.core.merkle.InvalidProofException e) {
            return false;
        }
    }

    static String originKey() throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(ORIGIN.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private int addCheckpoint(String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witnessPort + "/add-checkpoint"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
