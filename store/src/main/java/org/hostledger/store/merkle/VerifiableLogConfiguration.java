package org.hostledger.store.merkle;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.NoteVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verifiable log's beans: key, tree reads, checkpoints, their publisher and the tree's verifier. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifiableLogProperties.class)
public class VerifiableLogConfiguration {

    @Bean
    public NoteSigner ledgerSigner(
            VerifiableLogProperties properties, @Value("${hostledger.data-dir:./data}") Path dataDir) {
        Path file =
                properties.getSigningKey() != null ? properties.getSigningKey() : dataDir.resolve("ledger-signing.key");
        return SigningKeys.loadOrCreate(file, properties.getOrigin());
    }

    @Bean
    public MerkleTreeReader merkleTreeReader(DataSource dataSource) {
        return new MerkleTreeReader(dataSource);
    }

    @Bean
    public CheckpointLog checkpointLog(DataSource dataSource, MerkleTreeReader tree, NoteSigner ledgerSigner) {
        return new CheckpointLog(dataSource, tree, ledgerSigner);
    }

    @Bean
    public WitnessCoordinator witnessCoordinator(
            VerifiableLogProperties properties,
            CheckpointLog checkpointLog,
            MerkleTreeReader tree,
            NoteSigner ledgerSigner) {
        List<WitnessClient> witnesses = new ArrayList<>();
        for (VerifiableLogProperties.WitnessSetting witness : properties.getWitnesses()) {
            try {
                String url = witness.getUrl().toString();
                witnesses.add(new WitnessClient(
                        URI.create(url.endsWith("/") ? url : url + "/"), NoteVerifier.parse(witness.getKey())));
            } catch (NoteException e) {
                throw new IllegalStateException("hostledger.ledger.witnesses: " + e.getMessage(), e);
            }
        }
        return new WitnessCoordinator(witnesses, checkpointLog, tree, ledgerSigner.verifier());
    }

    @Bean
    public CheckpointPublisher checkpointPublisher(
            CheckpointLog checkpointLog,
            WitnessCoordinator witnessCoordinator,
            DataSource dataSource,
            VerifiableLogProperties properties) {
        return new CheckpointPublisher(
                checkpointLog, witnessCoordinator, dataSource, properties.getCheckpointInterval());
    }

    @Bean
    public MerkleVerifier merkleVerifier(DataSource dataSource, CheckpointLog checkpointLog) {
        return new MerkleVerifier(dataSource, checkpointLog);
    }
}
