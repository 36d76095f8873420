package org.hostledger.api.admin.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.config.LedgerProperties;
import org.hostledger.store.backup.StoreBackup;
import org.hostledger.store.merkle.VerifiableLogProperties;
import org.springframework.stereotype.Component;

/**
 * Takes a backup of the embedded store while the application serves: H2's own online backup, the checkpoint-signing
 * key, and a manifest of the ledger's state read just before the backup started. Backups are taken one at a time.
 */
@Component
public class OnlineBackups {

    private final StoreBackup store;
    private final Path dataDir;
    private final Path signingKey;
    private final Clock clock;

    public OnlineBackups(
            StoreBackup store, LedgerProperties ledger, VerifiableLogProperties verifiableLog, Clock clock) {
        this.store = store;
        this.dataDir = ledger.getDataDir();
        this.signingKey = verifiableLog.getSigningKey() != null
                ? verifiableLog.getSigningKey()
                : dataDir.resolve(BackupFiles.SIGNING_KEY);
        this.clock = clock;
    }

    /** Writes a backup into a new working directory under the data directory and answers that directory. */
    public synchronized Path take() throws IOException {
        if (!store.embedded()) {
            throw new BackupRefused(
                    3,
                    "the store is PostgreSQL: back it up with pg_dump (README, Production: Backups), "
                            + "or run --backup=DIR where pg_dump is installed");
        }
        Files.createDirectories(dataDir);
        Path work = Files.createTempDirectory(dataDir.toAbsolutePath(), "backup-");
        try {
            String createdAt = clock.instant().toString();
            StoreBackup.LedgerState state = store.backup(work.resolve(BackupFiles.H2_ARCHIVE));
            List<BackupManifest.FileEntry> files = new ArrayList<>();
            files.add(BackupFiles.entry(work.resolve(BackupFiles.H2_ARCHIVE)));
            if (Files.isRegularFile(signingKey)) {
                Files.copy(signingKey, work.resolve(BackupFiles.SIGNING_KEY));
                files.add(BackupFiles.entry(work.resolve(BackupFiles.SIGNING_KEY)));
            }
            BackupFiles.writeManifest(
                    work,
                    new BackupManifest(
                            BackupManifest.FORMAT,
                            createdAt,
                            BackupManifest.H2,
                            store.h2Version(),
                            state.headPosition(),
                            state.headHash(),
                            state.treeSize(),
                            state.treeRoot(),
                            files));
            return work;
        } catch (IOException | RuntimeException e) {
            BackupFiles.delete(work);
            throw e;
        }
    }
}
