package org.hostledger.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the {@code store} module touches the event, snapshot, token, chain and node tables: every other module's main
 * sources name none of them (they read through the store's services). Class dependencies cannot show an SQL string,
 * so this reads the sources of the modules beside this one. The benchmark is left out: its ceilings are plain JDBC
 * against those tables on purpose.
 */
class StoreTablesTest {

    static final Pattern STORE_TABLES = Pattern.compile(
            "\\b(domain_event_entry|snapshot_event_entry|token_entry|ledger_chain_head|ledger_node)\\b");

    @Test
    void onlyTheStoreModuleNamesTheStoreTables() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("core", "commands", "projections", "api")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("sources of module %s", module).isDirectory();
            offenders.addAll(filesNamingStoreTables(sources));
        }
        assertThat(offenders)
                .as("main sources outside the store naming its tables")
                .isEmpty();
    }

    @Test
    void theCheckFindsAStoreTableInSql() {
        assertThat(STORE_TABLES
                        .matcher("SELECT last_index FROM ledger_chain_head".toLowerCase(Locale.ROOT))
                        .find())
                .isTrue();
        assertThat(STORE_TABLES.matcher("SELECT * FROM registry_host").find()).isFalse();
    }

    static List<String> filesNamingStoreTables(Path sources) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file).toLowerCase(Locale.ROOT);
                if (STORE_TABLES.matcher(text).find()) {
                    found.add(sources.relativize(file).toString());
                }
            }
        }
        return found;
    }
}
