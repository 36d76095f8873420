package org.hostledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.MerkleProofs;
import org.hostledger.core.merkle.NodeId;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The witness over HTTP, each answer of c2sp.org/tlog-witness add-checkpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class WitnessTest {

    static final NoteSigner LOG = generate("example.org/ledger");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = "./target/witness-test/" + java.util.UUID.randomUUID();
        registry.add("hostledger.witness.data-dir", () -> dir);
        registry.add("hostledger.witness.name", () -> "witness.example.org");
        registry.add("hostledger.witness.logs", () -> LOG.verifier().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Witness witness;

    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final List<byte[]> roots = new ArrayList<>();

    WitnessTest() {
        CompactRange range = CompactRange.empty();
        roots.add(range.root());
        for (int i = 0; i < 20; i++) {
            range.append(MerkleHash.leaf(("event " + i).getBytes(StandardCharsets.UTF_8)))
                    .forEach(n -> nodes.put(n.id(), n.hash()));
            roots.add(range.root());
        }
    }

    static NoteSigner generate(String name) {
        try {
            return NoteSigner.generate(name);
        } catch (NoteException e) {
            throw new IllegalStateException(e);
        }
    }

    private String checkpoint(NoteSigner signer, long size, byte[] root) throws NoteException {
        return signer.sign(new Checkpoint(signer.name(), size, root).format());
    }

    private HttpResponse<String> add(long old, List<byte[]> proof, String note) throws Exception {
        String body = "old " + old + "\n"
                + proof.stream()
                        .map(h -> Base64.getEncoder().encodeToString(h) + "\n")
                        .collect(Collectors.joining())
                + "\n" + note;
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/add-checkpoint"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private List<byte[]> proof(long from, long to) {
        return MerkleProofs.consistency(from, to, nodes::get);
    }

    @Test
    void cosignsAGrowingLogAndStoresWhatItCosigned() throws Exception {
        String first = checkpoint(LOG, 5, roots.get(5));
        HttpResponse<String> response = add(0, List.of(), first);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        NoteVerifier witnessKey = NoteVerifier.parse(HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/verifier-key"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(SignedNote.parse(first + response.body()).open(List.of(witnessKey)))
                .containsExactly("witness.example.org");
        assertThat(witness.held("example.org/ledger").orElseThrow().size()).isEqualTo(5);

        response = add(5, proof(5, 12), checkpoint(LOG, 12, roots.get(12)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(witness.held("example.org/ledger").orElseThrow().size()).isEqualTo(12);
        HttpResponse<String> held = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkpoint/"
                                        + Witness.originKey("example.org/ledger")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(Checkpoint.parse(SignedNote.parse(held.body()).text()).size())
                .isEqualTo(12);
        assertThat(SignedNote.parse(held.body()).open(List.of(witnessKey, LOG.verifier())))
                .containsExactly("example.org/ledger", "witness.example.org");
    }

    @Test
    void aStaleOldSizeIsAConflictNamingTheHeldSize() throws Exception {
        assertThat(add(0, List.of(), checkpoint(LOG, 8, roots.get(8))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> response = add(3, proof(3, 10), checkpoint(LOG, 10, roots.get(10)));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("8\n");
        // A rolled-back log: its tree is smaller than what the witness holds.
        assertThat(add(8, List.of(), checkpoint(LOG, 6, roots.get(6))).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherKeysSignatureIsForbidden() throws Exception {
        NoteSigner impostor = generate("example.org/ledger");
        HttpResponse<String> response = add(0, List.of(), checkpoint(impostor, 5, roots.get(5)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(witness.held("example.org/ledger")).isEmpty();
        assertThat(add(0, List.of(), checkpoint(generate("example.org/other"), 5, roots.get(5)))
                        .statusCode())
                .isEqualTo(404);
        assertThat(add(0, List.of(), "not a note").statusCode()).isEqualTo(400);
    }

    @Test
    void aForkIsUnprocessable() throws Exception {
        assertThat(add(0, List.of(), checkpoint(LOG, 8, roots.get(8))).statusCode())
                .isEqualTo(200);
        // A rewritten history re-signed with the real key: the proof does not lead from the held root.
        byte[] forged = MerkleHash.node(roots.get(8), roots.get(8));
        assertThat(add(8, proof(8, 16), checkpoint(LOG, 16, forged)).statusCode())
                .isEqualTo(422);
        // The same size with another root.
        assertThat(add(8, List.of(), checkpoint(LOG, 8, roots.get(9))).statusCode())
                .isEqualTo(422);
        assertThat(witness.held("example.org/ledger").orElseThrow().size()).isEqualTo(8);
    }
}
