package org.hostledger.store.merkle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's checkpoint key: a file holding a signer key string ({@code PRIVATE+KEY+name+id+key}, the format of
 * Go's sumdb/note), created with a new random key on first start when absent (readable by its owner only), and its
 * public verifier key logged at every start so that it can be published.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {}

    public static NoteSigner loadOrCreate(Path file, String origin) {
        try {
            NoteSigner signer;
            if (Files.exists(file)) {
                signer = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!signer.name().equals(origin)) {
                    throw new IllegalStateException("the signing key " + file + " is named " + signer.name()
                            + ", not the ledger's origin " + origin + ": set hostledger.ledger.origin to match it");
                }
            } else {
                signer = NoteSigner.generate(origin);
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path temp = Files.createTempFile(parent, ".signing-key", ".tmp");
                try {
                    setOwnerOnly(temp);
                    Files.writeString(temp, signer + "\n", StandardCharsets.UTF_8);
                    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
                log.warn("Created a new checkpoint signing key in {}: keep it secret and back it up", file);
            }
            log.info("Checkpoint verifier key (publish it): {}", signer.verifier());
            return signer;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the signing key " + file, e);
        } catch (NoteException e) {
            throw new IllegalStateException("the signing key " + file + " is not a signer key: " + e.getMessage(), e);
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("no POSIX permissions on this file system for {}", file);
        }
    }
}
