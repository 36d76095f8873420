package org.hostledger.api.admin.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a backup directory holds, written beside its files as {@code manifest.json}.
 *
 * @param format this layout's version
 * @param createdAt when the backup started (ISO-8601 instant)
 * @param store {@code h2} (H2's online backup, {@code hostledger.zip}) or {@code postgresql} ({@code pg_dump}'s custom
 *     format, {@code hostledger.dump})
 * @param engineVersion the H2 version that wrote the backup, or pg_dump's version line
 * @param headPosition the chain head's position read just before the backup started: every event up to it is in the
 *     backup (H2 only)
 * @param headHash the chain hash at that position (hex)
 * @param treeSize the Merkle tree's size at the same moment
 * @param treeRoot the Merkle tree's root at that size (base64)
 * @param files every other file of the directory, with its size and SHA-256
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(
        int format,
        String createdAt,
        String store,
        String engineVersion,
        Long headPosition,
        String headHash,
        Long treeSize,
        String treeRoot,
        List<FileEntry> files) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    public record FileEntry(String name, long bytes, String sha256) {}
}
