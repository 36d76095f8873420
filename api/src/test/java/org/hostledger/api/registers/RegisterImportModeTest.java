package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class RegisterImportModeTest extends IntegrationTest {

    @Autowired
    RegisterImportMode mode;

    @TempDir
    Path dir;

    private Path snapshot(String name, String... ids) throws Exception {
        StringBuilder products = new StringBuilder();
        for (String id : ids) {
            products.append(products.isEmpty() ? "" : ",")
                    .append("{\"id\":\"")
                    .append(id)
                    .append("\",\"csp\":\"Acme\",\"cso\":\"Cloud\",\"status\":\"FedRAMP Ready\",")
                    .append("\"impact_level\":\"Low\",\"ready_date\":\"2024-01-02T20:00:00.000Z\"}");
        }
        byte[] json = ("{\"data\":{\"Products\":[" + products + "]}}").getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(name);
        Files.write(file, name.endsWith(".gz") ? RegisterImportAcceptanceTest.gzip(json) : json);
        return file;
    }

    @Test
    void importsFilesInPublicationOrderWithAProgressLineAndStopsAtTheFirstRefusedFile() throws Exception {
        Path march = snapshot("2024-03-01T04-00-00Z.json.gz", "C1", "C2");
        Path february = snapshot("2024-02-01T04-00-00Z.json", "C1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int code = mode.importFiles("cli-test", List.of(march.toString(), february.toString()), null, out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed.lines().toList())
                .anySatisfy(l ->
                        assertThat(l).startsWith("[1/2] 2024-02-01T04-00-00Z.json (2024-02-01T04:00:00Z): 1 entries"))
                .anySatisfy(l -> assertThat(l).startsWith("[2/2] 2024-03-01T04-00-00Z.json.gz"));

        Path broken = dir.resolve("2024-04-01T04-00-00Z.json");
        Files.writeString(broken, "{\"data\":{\"Products\":[{\"id\":\"C1\"");
        Path after = snapshot("2024-05-01T04-00-00Z.json", "C1");
        long before = eventCount();
        bytes.reset();
        code = mode.importFiles("cli-test", List.of(after.toString(), broken.toString(), march.toString()), null, out);
        printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(1);
        assertThat(printed)
                .contains("already imported")
                .contains("2024-04-01T04-00-00Z.json")
                .contains("refused");
        assertThat(printed).doesNotContain("2024-05-01T04-00-00Z.json (");
        assertThat(eventCount()).isEqualTo(before);

        assertThat(mode.importFiles(
                        "cli-test", List.of(dir.resolve("no-date.json").toString()), null, out))
                .isEqualTo(1);
        assertThat(mode.importFiles("nope", List.of(after.toString()), null, out))
                .isEqualTo(1);
    }

    @Test
    void anEmptyOrCutGzipFileIsRefusedSayingWhy() throws Exception {
        Path whole = snapshot("2024-06-01T04-00-00Z.json.gz", "C1");
        byte[] bytes = Files.readAllBytes(whole);
        Path empty = Files.write(dir.resolve("2024-07-01T04-00-00Z.json.gz"), new byte[0]);
        Path cut = Files.write(
                dir.resolve("2024-08-01T04-00-00Z.json.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        for (Path file : List.of(empty, cut)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            long before = eventCount();
            int code = mode.importFiles(
                    "cli-test", List.of(file.toString()), null, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String text = printed.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isEqualTo(1);
            assertThat(text)
                    .contains("refused: cannot read the file: it ends too early")
                    .doesNotContain("null");
            assertThat(eventCount()).isEqualTo(before);
        }
    }
}
