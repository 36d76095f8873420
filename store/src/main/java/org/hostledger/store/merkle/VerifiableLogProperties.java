package org.hostledger.store.merkle;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code hostledger.ledger.*} settings of the verifiable log; each is in the README's configuration table. */
@ConfigurationProperties(prefix = "hostledger.ledger")
public class VerifiableLogProperties {

    /**
     * The log's origin: the first line of every checkpoint and the name of its key. Unique to this ledger; by
     * convention the host and path where it is published.
     */
    private String origin = "hostledger.local/ledger";

    /** The signer key file; default {@code ledger-signing.key} under the data directory, created when absent. */
    private Path signingKey;

    /** How often a new checkpoint is signed when the tree has grown. */
    private Duration checkpointInterval = Duration.ofSeconds(1);

    /** C2SP tlog-witnesses that cosign each checkpoint and are read back to detect a rolled-back tail. */
    private java.util.List<WitnessSetting> witnesses = new java.util.ArrayList<>();

    /** One witness: its base URL (add-checkpoint and checkpoint paths below it) and its verifier key. */
    public static class WitnessSetting {
        private java.net.URI url;
        private String key;

        public java.net.URI getUrl() {
            return url;
        }

        public void setUrl(java.net.URI url) {
            this.url = url;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }

    public java.util.List<WitnessSetting> getWitnesses() {
        return witnesses;
    }

    public void setWitnesses(java.util.List<WitnessSetting> witnesses) {
        this.witnesses = witnesses;
    }

    /** Grow the Merkle tree with every append; off only to measure its cost (the tree catches up when turned on). */
    private boolean merkleTree = true;

    public String getOrigin() {
        return origin;
    }

    public void setOrigin(String origin) {
        this.origin = origin;
    }

    public Path getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(Path signingKey) {
        this.signingKey = signingKey;
    }

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    public boolean isMerkleTree() {
        return merkleTree;
    }

    public void setMerkleTree(boolean merkleTree) {
        this.merkleTree = merkleTree;
    }
}
