package org.hostledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The witness application: {@code java -jar witness/target/hostledger-witness-exec.jar} with {@code
 * hostledger.witness.name}, {@code hostledger.witness.data-dir} and {@code hostledger.witness.logs}, the verifier keys (comma-separated)
 * of the logs it witnesses.
 */
@SpringBootApplication
public class WitnessApplication {

    private static final Logger log = LoggerFactory.getLogger(WitnessApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(WitnessApplication.class, args);
    }

    @Bean
    public Witness witness(
            DataSource dataSource,
            @Value("${hostledger.witness.name}") String name,
            @Value("${hostledger.witness.data-dir}") Path dataDir,
            @Value("${hostledger.witness.logs:}") List<String> logKeys)
            throws IOException, NoteException {
        Path file = dataDir.resolve("witness.key");
        NoteSigner key;
        if (Files.exists(file)) {
            key = NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8));
        } else {
            key = NoteSigner.generateCosigner(name);
            Files.createDirectories(dataDir);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            log.warn("Created a new witness key in {}", file);
        }
        log.info("Witness verifier key (give it to the logs and their readers): {}", key.verifier());
        Map<String, NoteVerifier> logs = new HashMap<>();
        for (String vkey : logKeys) {
            if (!vkey.isBlank()) {
                NoteVerifier verifier = NoteVerifier.parse(vkey);
                logs.put(verifier.name(), verifier);
                log.info("Witnessing {}", verifier.name());
            }
        }
        return new Witness(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                key,
                logs);
    }
}
