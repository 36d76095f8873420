package org.hostledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hostledger.api.admin.backup.BackupFiles;
import org.hostledger.api.admin.backup.BackupManifest;
import org.hostledger.api.admin.backup.BackupRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup directory: its manifest and checksums, its archive, and the refusals that protect what exists. */
class BackupFilesTest {

    @TempDir
    Path dir;

    private Path backup() throws Exception {
        Path backup = dir.resolve("backup");
        Files.createDirectories(backup);
        Files.writeString(backup.resolve(BackupFiles.H2_ARCHIVE), "the database");
        BackupFiles.writeManifest(
                backup,
                new BackupManifest(
                        BackupManifest.FORMAT,
                        "2026-12-01T15:00:00Z",
                        BackupManifest.H2,
                        "2.3.232",
                        40L,
                        "ab".repeat(32),
                        40L,
                        "cm9vdA==",
                        List.of(BackupFiles.entry(backup.resolve(BackupFiles.H2_ARCHIVE)))));
        return backup;
    }

    @Test
    void anArchiveUnpacksIntoTheSameCheckedDirectory() throws Exception {
        Path backup = backup();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        BackupFiles.zip(backup, archive);
        Path copy = dir.resolve("copy");
        BackupFiles.requireFresh(copy, "backup directory");
        BackupManifest manifest = BackupFiles.unzip(new ByteArrayInputStream(archive.toByteArray()), copy);
        assertThat(manifest.headPosition()).isEqualTo(40L);
        assertThat(Files.readString(copy.resolve(BackupFiles.H2_ARCHIVE))).isEqualTo("the database");
    }

    @Test
    void aDamagedOrIncompleteBackupIsRefused() throws Exception {
        Path backup = backup();
        Files.writeString(backup.resolve(BackupFiles.H2_ARCHIVE), "the databasf");
        assertThatThrownBy(() -> BackupFiles.readVerified(backup))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("does not match its checksum");
        Files.delete(backup.resolve(BackupFiles.H2_ARCHIVE));
        assertThatThrownBy(() -> BackupFiles.readVerified(backup)).hasMessageContaining("lacks hostledger.zip");
        assertThatThrownBy(() -> BackupFiles.readVerified(dir)).hasMessageContaining("not a HostLedger backup");
    }

    @Test
    void aManifestNamingAFileOutsideTheBackupIsRefused() throws Exception {
        Path backup = backup();
        Files.writeString(
                backup.resolve(BackupManifest.FILE),
                "{\"format\":1,\"store\":\"h2\",\"files\":[{\"name\":\"../../etc/passwd\",\"bytes\":1,\"sha256\":\"x\"}]}");
        assertThatThrownBy(() -> BackupFiles.readVerified(backup)).hasMessageContaining("outside the backup");
    }

    @Test
    void anArchiveEntryOutsideTheDirectoryIsRefused() throws Exception {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(archive)) {
            zip.putNextEntry(new ZipEntry("../escaped"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path target = dir.resolve("target");
        BackupFiles.requireFresh(target, "backup directory");
        assertThatThrownBy(() -> BackupFiles.unzip(new ByteArrayInputStream(archive.toByteArray()), target))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("unexpected entry");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void aNonEmptyDirectoryIsNeverWrittenInto() throws Exception {
        Path used = dir.resolve("used");
        Files.createDirectories(used);
        Files.writeString(used.resolve("hostledger.mv.db"), "live data");
        assertThatThrownBy(() -> BackupFiles.requireFresh(used, "data directory"))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("is not empty")
                .satisfies(e -> assertThat(((BackupRefused) e).exitCode()).isEqualTo(2));
        assertThat(Files.readString(used.resolve("hostledger.mv.db"))).isEqualTo("live data");
    }
}
