package org.hostledger.witness;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /add-checkpoint} as c2sp.org/tlog-witness says, and {@code GET /checkpoint/{hex SHA-256 of the
 * origin}}: the latest checkpoint the witness cosigned for a log, with its cosignature, which a log reads to learn
 * whether its own tree is smaller than what was witnessed.
 */
@RestController
public class WitnessController {

    static final MediaType TLOG_SIZE = MediaType.parseMediaType("text/x.tlog.size");

    private final Witness witness;

    public WitnessController(Witness witness) {
        this.witness = witness;
    }

    @PostMapping(value = "/add-checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> addCheckpoint(@RequestBody(required = false) String body) {
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(witness.addCheckpoint(body == null ? "" : body));
        } catch (Witness.Refusal refusal) {
            if (refusal.status() == HttpStatus.CONFLICT.value()) {
                return ResponseEntity.status(HttpStatus.CONFLICT)
                        .contentType(TLOG_SIZE)
                        .body(refusal.heldSize() + "\n");
            }
            return ResponseEntity.status(refusal.status())
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(refusal.getMessage() + "\n");
        }
    }

    @GetMapping(value = "/checkpoint/{originHash}", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> checkpoint(@PathVariable String originHash) {
        return witness.heldByKey(originHash)
                .map(held ->
                        ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(held.note()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    public String verifierKey() {
        return witness.verifier() + "\n";
    }
}
