package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.store.merkle.CheckpointLog;
import org.hostledger.store.merkle.CheckpointPublisher;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.hostledger.store.merkle.WitnessCoordinator;
import org.junit.jupiter.api.Test;

/**
 * Nodes sharing one database sign with one key: a node whose key did not sign the stored checkpoints refuses to
 * start, and a checkpoint that cannot be stored fails as a signing failure, not as an anonymous error.
 */
class CheckpointKeyTest {

    private static final String ORIGIN = "ledger.example.org/test";

    private final DataSource dataSource = new StoreDatabase().dataSource();
    private final MerkleTreeReader tree = new MerkleTreeReader(dataSource);

    CheckpointKeyTest() {
        var engine = StoreDatabase.engine(dataSource);
        for (int n = 0; n < 3; n++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Host", "r" + n, 0, "event " + n));
        }
    }

    private CheckpointPublisher publisher(CheckpointLog log, NoteSigner signer) {
        return new CheckpointPublisher(
                log, new WitnessCoordinator(List.of(), log, tree, signer.verifier()), dataSource, Duration.ofHours(1));
    }

    @Test
    void aNodeWithAnotherKeyRefusesToStart() throws NoteException {
        NoteSigner first = NoteSigner.generate(ORIGIN);
        NoteSigner other = NoteSigner.generate(ORIGIN);
        CheckpointLog firstLog = new CheckpointLog(dataSource, tree, first);
        CheckpointLog otherLog = new CheckpointLog(dataSource, tree, other);
        otherLog.checkSignedByThisKey();
        firstLog.signLatest();

        firstLog.checkSignedByThisKey();
        CheckpointPublisher publisher = publisher(otherLog, other);
        assertThatThrownBy(publisher::start)
                .isInstanceOf(CheckpointLog.ForeignKeyException.class)
                .hasMessageContaining("the key " + ORIGIN + " with id ")
                .hasMessageContaining(other.verifier().toString())
                .hasMessageContaining("hostledger.ledger.signing-key");
        assertThat(publisher.isRunning()).isFalse();

        CheckpointPublisher same = publisher(new CheckpointLog(dataSource, tree, first), first);
        same.start();
        try {
            assertThat(same.isRunning()).isTrue();
        } finally {
            same.stop();
        }
    }

    @Test
    void aCheckpointThatCannotBeStoredIsASigningFailure() throws NoteException {
        StoreDatabase.jdbc(dataSource)
                .execute("ALTER TABLE ledger_checkpoint ADD CONSTRAINT refuse_all CHECK (tree_size < 0)");
        CheckpointLog log = new CheckpointLog(dataSource, tree, NoteSigner.generate(ORIGIN));

        assertThatThrownBy(log::signLatest)
                .isInstanceOf(CheckpointLog.SigningFailedException.class)
                .hasMessageContaining("storing the checkpoint at size 3 failed");
        assertThat(log.latest()).isEmpty();
    }
}
