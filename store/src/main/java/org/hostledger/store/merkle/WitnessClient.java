package org.hostledger.store.merkle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;

/**
 * Talks to one C2SP tlog-witness: {@code POST /add-checkpoint} with the size the witness holds and a consistency
 * proof, and {@code GET /checkpoint/{hex SHA-256 of the origin}}, the latest checkpoint it cosigned for this log
 * (checked with both the log's key and the witness's).
 */
public class WitnessClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final NoteVerifier witnessKey;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** What the witness answered to add-checkpoint. */
    public sealed interface Answer {}

    /** 200: its cosignature lines. */
    public record Cosigned(List<SignedNote.Signature> cosignatures) implements Answer {}

    /** 409: the size it holds. */
    public record Conflict(long heldSize) implements Answer {}

    /** Any other answer. */
    public record Refused(int status, String body) implements Answer {}

    public WitnessClient(URI base, NoteVerifier witnessKey) {
        this.base = base;
        this.witnessKey = witnessKey;
    }

    public String name() {
        return witnessKey.name();
    }

    public Answer addCheckpoint(long old, List<byte[]> proof, String note) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(h -> body.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        body.append('\n').append(note);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("add-checkpoint"))
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 409 && response.body().matches("(0|[1-9][0-9]{0,18})\n")) {
            return new Conflict(Long.parseLong(response.body().trim()));
        }
        if (response.statusCode() != 200) {
            return new Refused(response.statusCode(), response.body());
        }
        try {
            SignedNote cosigned = SignedNote.parse(note + response.body());
            cosigned.open(List.of(witnessKey));
            List<SignedNote.Signature> mine = cosigned.signatures().stream()
                    .filter(s -> s.name().equals(witnessKey.name()) && s.keyId() == witnessKey.keyId())
                    .toList();
            return new Cosigned(mine);
        } catch (NoteException e) {
            return new Refused(200, "the cosignature does not verify: " + e.getMessage());
        }
    }

    /** The latest checkpoint the witness cosigned for this log, verified; empty when it holds none. */
    public Optional<Witnessed> latest(NoteVerifier logKey) throws IOException, InterruptedException, NoteException {
        String key = HexFormat.of().formatHex(sha256(logKey.name().getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("checkpoint/" + key))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("witness " + base + " answered " + response.statusCode());
        }
        SignedNote note = SignedNote.parse(response.body());
        note.open(List.of(logKey));
        note.open(List.of(witnessKey));
        return Optional.of(new Witnessed(Checkpoint.parse(note.text()), note));
    }

    /** A checkpoint a witness holds, with the notes' signatures checked. */
    public record Witnessed(Checkpoint checkpoint, SignedNote note) {}

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
