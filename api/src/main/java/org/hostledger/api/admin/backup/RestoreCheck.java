package org.hostledger.api.admin.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.hostledger.store.audit.ChainVerifier;
import org.hostledger.store.backup.StoreBackup;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.springframework.stereotype.Component;

/**
 * After {@code --restore=DIR} unpacked a backup and the application started on it: the hash chain verifies from the
 * first event, the backup's chain head is there with the hash the manifest recorded, and the Merkle tree has the
 * manifest's root at the manifest's size. The views and the projections' positions come from the same consistent
 * backup, so the projections go on from where they were.
 */
@Component
public class RestoreCheck {

    private final ChainVerifier chain;
    private final StoreBackup store;
    private final MerkleTreeReader tree;

    public RestoreCheck(ChainVerifier chain, StoreBackup store, MerkleTreeReader tree) {
        this.chain = chain;
        this.store = store;
        this.tree = tree;
    }

    /** True when the restored store holds what the manifest promises. */
    public boolean check(Path backup, PrintStream out) throws IOException {
        BackupManifest manifest = BackupFiles.readVerified(backup);
        ChainVerifier.Result result = chain.verify();
        if (!result.intact()) {
            out.println("restore FAILED: the chain is broken at position " + result.firstBrokenPosition());
            return false;
        }
        long head = manifest.headPosition() == null ? 0 : manifest.headPosition();
        if (head > 0) {
            Optional<String> hash = store.chainHashAt(head);
            if (hash.isEmpty() || !hash.get().equals(manifest.headHash())) {
                out.println("restore FAILED: position " + head + " does not hold the hash " + manifest.headHash()
                        + " the manifest recorded");
                return false;
            }
        }
        long size = manifest.treeSize() == null ? 0 : manifest.treeSize();
        if (size > 0) {
            if (tree.size() < size
                    || !Base64.getEncoder().encodeToString(tree.root(size)).equals(manifest.treeRoot())) {
                out.println("restore FAILED: the Merkle tree's root at size " + size + " is not the manifest's");
                return false;
            }
        }
        out.println("restore verified: chain intact, " + result.checked() + " events, head " + result.headPosition()
                + "; the backup's head " + head + " and tree size " + size + " match the manifest");
        return true;
    }
}
