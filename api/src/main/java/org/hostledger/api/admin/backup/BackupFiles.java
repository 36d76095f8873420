package org.hostledger.api.admin.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A backup directory's files: the manifest, checksums, and the zip archive the running application answers. */
public final class BackupFiles {

    /** H2's own backup archive of the database file. */
    public static final String H2_ARCHIVE = "hostledger.zip";

    /** pg_dump's archive (custom format). */
    public static final String PG_DUMP = "hostledger.dump";

    /** The ledger's checkpoint-signing key, kept in the data directory unless configured elsewhere. */
    public static final String SIGNING_KEY = "ledger-signing.key";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BackupFiles() {}

    /** Refuses a directory that exists and holds anything; creates it otherwise. */
    public static void requireFresh(Path directory, String what) throws IOException {
        if (Files.exists(directory)) {
            if (!Files.isDirectory(directory)) {
                throw new BackupRefused(2, what + " " + directory + " is a file, not a directory");
            }
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupRefused(2, what + " " + directory + " is not empty: give a new or empty directory");
                }
            }
        }
        Files.createDirectories(directory);
    }

    public static BackupManifest.FileEntry entry(Path file) throws IOException {
        return new BackupManifest.FileEntry(file.getFileName().toString(), Files.size(file), sha256(file));
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static void writeManifest(Path directory, BackupManifest manifest) throws IOException {
        JSON.writeValue(directory.resolve(BackupManifest.FILE).toFile(), manifest);
    }

    /** Reads the manifest and checks every file it lists against its size and SHA-256. */
    public static BackupManifest readVerified(Path directory) throws IOException {
        Path file = directory.resolve(BackupManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused(2, directory + " holds no " + BackupManifest.FILE + ": not a HostLedger backup");
        }
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), BackupManifest.class);
        } catch (IOException e) {
            throw new BackupRefused(2, file + " is not a readable backup manifest: " + e.getMessage(), e);
        }
        if (manifest.format() != BackupManifest.FORMAT || manifest.files() == null) {
            throw new BackupRefused(
                    2,
                    file + " has format " + manifest.format() + "; this version reads format " + BackupManifest.FORMAT);
        }
        for (BackupManifest.FileEntry entry : manifest.files()) {
            if (!PLAIN_NAME.matcher(entry.name()).matches()) {
                throw new BackupRefused(2, file + " names a file outside the backup: " + entry.name());
            }
            Path listed = directory.resolve(entry.name());
            if (!Files.isRegularFile(listed)) {
                throw new BackupRefused(2, "the backup lacks " + entry.name() + ", which its manifest lists");
            }
            if (Files.size(listed) != entry.bytes() || !sha256(listed).equals(entry.sha256())) {
                throw new BackupRefused(2, entry.name() + " does not match its checksum in the manifest: damaged");
            }
        }
        return manifest;
    }

    /** The directory's files (manifest first) as one zip archive. */
    public static void zip(Path directory, OutputStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(directory.resolve(BackupManifest.FILE));
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(f -> !f.getFileName().toString().equals(BackupManifest.FILE))
                    .sorted()
                    .forEach(files::add);
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** Unpacks an archive made by {@link #zip} into a fresh directory and checks it against its manifest. */
    public static BackupManifest unzip(InputStream in, Path directory) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !PLAIN_NAME.matcher(entry.getName()).matches()) {
                    throw new BackupRefused(1, "the backup archive holds an unexpected entry: " + entry.getName());
                }
                Files.copy(zip, directory.resolve(entry.getName()));
            }
        }
        return readVerified(directory);
    }

    /** Deletes a working directory and its files (no sub-directories). */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : entries.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
