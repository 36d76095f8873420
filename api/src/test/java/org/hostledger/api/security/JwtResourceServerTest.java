package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.hostledger.api.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production sign-in by configuration alone: with a JWT key configured, bearer tokens from the identity provider
 * are accepted, roles come from a claim, and the token's subject is the actor. The key pair under
 * src/test/resources/jwt exists for this test only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/public.pem",
            "hostledger.security.jwt.roles-claim=hostledger_roles",
            "hostledger.security.jwt.principal-claim=preferred_username"
        })
@ActiveProfiles("test")
class JwtResourceServerTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private static PrivateKey testKey() throws Exception {
        String pem = new String(
                new ClassPathResource("jwt/private-pkcs8.pem").getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String token(PrivateKey key, String user, Object roles) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("subject-" + user)
                .claim("preferred_username", user)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (roles != null) {
            claims.claim("hostledger_roles", roles);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String host(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Via JWT\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\","
                + "\"sources\":[{\"title\":\"t\"}]}";
    }

    @Test
    void anEditorTokenWritesAndItsUserIsTheActor() throws Exception {
        Http.Response response = http.at("/api/hosts")
                .header("Authorization", "Bearer " + token(testKey(), "claire.registrar", List.of("EDITOR")))
                .post(host("via-jwt"))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String metadata = new String(
                jdbc.queryForObject(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = 'via-jwt'",
                        byte[].class),
                StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"actor\":\"claire.registrar\"");
    }

    @Test
    void rolesMayAlsoComeAsSpaceSeparatedText() throws Exception {
        String token = token(testKey(), "audrey.auditor", "AUDITOR READER");
        assertThat(http.at("/api/audit/verify")
                        .header("Authorization", "Bearer " + token)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.at("/api/hosts")
                        .header("Authorization", "Bearer " + token)
                        .post(host("nope-1"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTokenWithoutRolesCannotWrite() throws Exception {
        Http.Response response = http.at("/api/hosts")
                .header("Authorization", "Bearer " + token(testKey(), "nobody", null))
                .post(host("nope-2"))
                .send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(generator.generateKeyPair().getPrivate(), "mallory", List.of("EDITOR", "ADMIN"));
        Http.Response response = http.at("/api/hosts")
                .header("Authorization", "Bearer " + forged)
                .post(host("nope-3"))
                .send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void httpBasicStillWorksBesideTokens() {
        assertThat(http.at("/api/hosts").editor().post(host("via-basic")).send().status())
                .isEqualTo(201);
    }
}
