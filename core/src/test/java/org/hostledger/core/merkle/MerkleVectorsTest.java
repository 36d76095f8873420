package org.hostledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inclusion and consistency vector of transparency-dev/merkle (shared/vectors), including those that must fail.
 * The vectors are found by walking up from the working directory; their absence fails the build rather than skipping.
 */
class MerkleVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path vectors() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/vectors/transparency-dev-merkle");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/vectors/transparency-dev-merkle not found above " + dir);
    }

    static Stream<Arguments> files(String kind) throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(vectors().resolve(kind))) {
            for (Path path :
                    paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.add(Arguments.of(vectors().relativize(path).toString(), JSON.readTree(path.toFile())));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> inclusion() throws IOException {
        return files("inclusion");
    }

    static Stream<Arguments> consistency() throws IOException {
        return files("consistency");
    }

    @Test
    void theVectorsAreThereAndIncludeCasesThatMustFail() throws IOException {
        List<JsonNode> all = Stream.concat(inclusion(), consistency())
                .map(a -> (JsonNode) a.get()[1])
                .toList();
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all).anyMatch(v -> v.get("wantErr").asBoolean());
        assertThat(all).anyMatch(v -> !v.get("wantErr").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusion")
    void inclusionVector(String name, JsonNode v) {
        long index = v.get("leafIdx").asLong();
        long size = v.get("treeSize").asLong();
        byte[] root = b64(v.get("root"));
        byte[] leaf = b64(v.get("leafHash"));
        List<byte[]> proof = hashes(v.get("proof"));
        if (v.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root))
                    .isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(() -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistency")
    void consistencyVector(String name, JsonNode v) {
        long size1 = v.get("size1").asLong();
        long size2 = v.get("size2").asLong();
        byte[] root1 = b64(v.get("root1"));
        byte[] root2 = b64(v.get("root2"));
        List<byte[]> proof = hashes(v.get("proof"));
        if (v.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
                    .isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(() -> ProofVerifier.verifyConsistency(size1, size2, root1, root2, proof))
                    .doesNotThrowAnyException();
        }
    }

    private static byte[] b64(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode node) {
        List<byte[]> list = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(h -> list.add(Base64.getDecoder().decode(h.asText())));
        }
        return list;
    }
}
