package org.hostledger.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    /** The example of c2sp.org/signed-note and of golang.org/x/mod/sumdb/note's documentation. */
    static final String EXAMPLE_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

    static final String EXAMPLE_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String EXAMPLE_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String EXAMPLE_NOTE = EXAMPLE_TEXT
            + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theSpecExampleVerifiesWithItsVerifierKey() throws NoteException {
        SignedNote note = SignedNote.parse(EXAMPLE_NOTE);
        assertThat(note.open(List.of(NoteVerifier.parse(EXAMPLE_VKEY)))).containsExactly("PeterNeumann");
        assertThat(note.text()).isEqualTo(EXAMPLE_TEXT);
    }

    @Test
    void theSpecExampleSignerKeyGivesTheSameVerifierKeyAndSignature() throws NoteException {
        NoteSigner signer = NoteSigner.parse(EXAMPLE_SKEY);
        assertThat(signer.verifier().toString()).isEqualTo(EXAMPLE_VKEY);
        assertThat(signer.toString()).isEqualTo(EXAMPLE_SKEY);
        assertThat(signer.sign(EXAMPLE_TEXT)).isEqualTo(EXAMPLE_NOTE);
    }

    @Test
    void anEditedTextIsRefused() throws NoteException {
        SignedNote forged = SignedNote.parse(EXAMPLE_NOTE.replace("cryptography", "cryptographY"));
        assertThatThrownBy(() -> forged.open(List.of(NoteVerifier.parse(EXAMPLE_VKEY))))
                .isInstanceOf(NoteException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aNoteWithoutAKnownKeyIsRefused() throws NoteException {
        NoteSigner other = NoteSigner.generate("PeterNeumann");
        SignedNote note = SignedNote.parse(EXAMPLE_NOTE);
        assertThatThrownBy(() -> note.open(List.of(other.verifier())))
                .isInstanceOf(NoteException.class)
                .hasMessageContaining("no signature of a known key");
    }

    @Test
    void aVerifierKeyWithAWrongIdIsRefused() {
        assertThatThrownBy(() -> NoteVerifier.parse(EXAMPLE_VKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void aCheckpointRoundTripsAndACosignatureVerifies() throws NoteException {
        NoteSigner log = NoteSigner.generate("example.org/log");
        NoteSigner witness = NoteSigner.generateCosigner("example.org/witness");
        Checkpoint checkpoint = new Checkpoint("example.org/log", 7, new byte[32]);
        String body = checkpoint.format();
        assertThat(body).isEqualTo("example.org/log\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThat(Checkpoint.parse(body)).usingRecursiveComparison().isEqualTo(checkpoint);
        String cosigned = log.sign(body) + witness.cosignatureLine(body, 1_700_000_000L);
        SignedNote note = SignedNote.parse(cosigned);
        assertThat(note.open(List.of(log.verifier(), witness.verifier())))
                .containsExactly("example.org/log", "example.org/witness");
        String tampered = cosigned.replace("\n7\n", "\n8\n");
        assertThatThrownBy(() -> SignedNote.parse(tampered).open(List.of(witness.verifier())))
                .isInstanceOf(NoteException.class);
    }

    @Test
    void aTlogProofRoundTrips() throws NoteException {
        TlogProof proof = new TlogProof(3, List.of(new byte[32], new byte[32]), null, EXAMPLE_NOTE);
        TlogProof parsed = TlogProof.parse(proof.format());
        assertThat(parsed.index()).isEqualTo(3);
        assertThat(parsed.hashes()).hasSize(2);
        assertThat(parsed.checkpoint()).isEqualTo(EXAMPLE_NOTE);
        assertThat(proof.format()).startsWith("c2sp.org/tlog-proof@v1\nindex 3\n");
    }
}
