package io.gctls.sandbox;

import io.gctls.testing.MutableClock;
import static io.gctls.sandbox.SandboxHttp.domainBody;
import static io.gctls.sandbox.SandboxHttp.genesysError;
import static io.gctls.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The custom-domain store of docs/api.md "Custom domains (B)" over real HTTP: create, list, get, replace, delete and every refusal. */
class SandboxCustomDomainsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final MutableClock CLOCK = MutableClock.fixed(NOW);
    private static final TestPki PKI = new TestPki(NOW);
    private static final String DOMAINS = "/api/v2/customdomains";

    @RegisterExtension
    static final RunningSandbox RUNNING = RunningSandbox.with(SandboxOptions.defaults().clock(CLOCK));
    private final Sandbox sandbox = RUNNING.sandbox();
    private final SandboxHttp http = RUNNING.http();
    private String token;

    @BeforeEach
    void fresh() throws IOException {
        token = http.login();
    }

    private JsonNode create(String domain) throws IOException {
        HttpResponse<String> response = http.post(DOMAINS, token, domainBody(domain, PKI.leaf(domain, NOW)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    @Test
    void createAnswers201WithTheEntityAndNeverTheKey() throws IOException {
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        Map<String, Object> body = domainBody("WWW.Example.com", leaf);
        body.put("certificateChain", PKI.ca.certificatePem());

        HttpResponse<String> response = http.post(DOMAINS, token, body);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response);
        assertThat(created.get("id").stringValue()).isNotBlank();
        assertThat(created.get("domain").stringValue()).isEqualTo("www.example.com");
        assertThat(created.get("status").stringValue()).isEqualTo("active");
        assertThat(created.get("type").stringValue()).isEqualTo("web");
        assertThat(created.get("createdDate").stringValue()).isEqualTo("2026-05-01T12:00:00.000Z");
        assertThat(created.get("modifiedDate").stringValue()).isEqualTo("2026-05-01T12:00:00.000Z");
        assertThat(created.get("version").intValue()).isEqualTo(1);
        assertThat(created.get("certificate").stringValue()).isEqualTo(leaf.certificatePem());
        assertThat(created.get("certificateChain").stringValue()).isEqualTo(PKI.ca.certificatePem());
        assertThat(created.get("certificateFingerprint").stringValue()).isEqualTo(leaf.fingerprint());
        assertThat(created.at("/settings/tlsVersion").stringValue()).isEqualTo("TLSv1.2");
        assertThat(created.at("/settings/ocspStapling").booleanValue()).isTrue();
        assertThat(created.has("privateKey")).isFalse();
        assertThat(response.body()).doesNotContain("PRIVATE KEY");
        assertThat(response.headers().firstValue("Location")).hasValue(DOMAINS + "/" + created.get("id").stringValue());
        assertThat(sandbox.domains()).extracting(CustomDomain::domain).containsExactly("www.example.com");
        assertThat(sandbox.domains().get(0).toString()).doesNotContain("PRIVATE KEY");
        assertThat(sandbox.privateKeyPem(created.get("id").stringValue())).hasValue(leaf.keyPem());
    }

    @Test
    void anRsaKeyMatchingItsCertificateIsAccepted() throws IOException {
        TestPki.Issued leaf = PKI.leaf("rsa.example.com", TestPki.rsaKey(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(400)));

        HttpResponse<String> response = http.post(DOMAINS, token, domainBody("rsa.example.com", leaf));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void traditionalKeyFormsAreAcceptedToo() throws IOException {
        TestPki.Issued sec1 = PKI.leaf("sec1.example.com", TestPki.bcEcKey(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(400)));
        TestPki.Issued pkcs1 = PKI.leaf("pkcs1.example.com", TestPki.rsaKey(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(400)));
        Map<String, Object> sec1Body = domainBody("sec1.example.com", sec1);
        sec1Body.put("privateKey", sec1.traditionalKeyPem());
        Map<String, Object> pkcs1Body = domainBody("pkcs1.example.com", pkcs1);
        pkcs1Body.put("privateKey", pkcs1.traditionalKeyPem());

        assertThat(sec1.traditionalKeyPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(pkcs1.traditionalKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(http.post(DOMAINS, token, sec1Body).statusCode()).isEqualTo(201);
        assertThat(http.post(DOMAINS, token, pkcs1Body).statusCode()).isEqualTo(201);
    }

    @Test
    void anEcKeyWithoutItsCurveDoesNotParse() throws IOException {
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        Map<String, Object> body = domainBody("www.example.com", leaf);
        body.put("privateKey", leaf.traditionalKeyPem()); // the JDK's EC key in SEC1 form carries no curve

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("privateKey does not parse")
                .doesNotContain("Cannot invoke");
    }

    @Test
    void listPagesInCreationOrderWithGenesysPagingFields() throws IOException {
        create("a.example.com");
        create("b.example.com");
        create("c.example.com");

        JsonNode first = json(http.get(DOMAINS + "?pageSize=2", token));
        JsonNode second = json(http.get(DOMAINS + "?pageSize=2&pageNumber=2", token));

        assertThat(first.get("entities").values()).extracting(e -> e.get("domain").stringValue())
                .containsExactly("a.example.com", "b.example.com");
        assertThat(first.get("pageNumber").intValue()).isEqualTo(1);
        assertThat(first.get("pageSize").intValue()).isEqualTo(2);
        assertThat(first.get("total").intValue()).isEqualTo(3);
        assertThat(first.get("pageCount").intValue()).isEqualTo(2);
        assertThat(first.get("nextUri").stringValue()).isEqualTo(DOMAINS + "?pageSize=2&pageNumber=2");
        assertThat(second.get("entities").values()).extracting(e -> e.get("domain").stringValue())
                .containsExactly("c.example.com");
        assertThat(second.has("nextUri")).isFalse();
        assertThat(second.get("previousUri").stringValue()).isEqualTo(DOMAINS + "?pageSize=2&pageNumber=1");
    }

    @Test
    void listDefaultsToPage1Of25() throws IOException {
        JsonNode empty = json(http.get(DOMAINS, token));

        assertThat(empty.get("entities").values()).isEmpty();
        assertThat(empty.get("pageNumber").intValue()).isEqualTo(1);
        assertThat(empty.get("pageSize").intValue()).isEqualTo(25);
        assertThat(empty.get("total").intValue()).isZero();
        assertThat(empty.get("pageCount").intValue()).isZero();
    }

    @Test
    void listFiltersByDomainIgnoringCase() throws IOException {
        create("a.example.com");
        JsonNode wanted = create("*.shop.example.com");

        JsonNode page = json(http.get(DOMAINS + "?domain=%2A.SHOP.example.com", token));

        assertThat(page.get("total").intValue()).isEqualTo(1);
        assertThat(page.at("/entities/0/id").stringValue()).isEqualTo(wanted.get("id").stringValue());
        assertThat(json(http.get(DOMAINS + "?domain=nope.example.com", token)).get("total").intValue()).isZero();
    }

    @Test
    void aPageSizeAbove100IsRefused() throws IOException {
        JsonNode body = genesysError(http.get(DOMAINS + "?pageSize=101", token), 400, "bad.request");

        assertThat(body.get("message").stringValue()).isEqualTo("pageSize must be between 1 and 100, not 101");
        assertThat(body.at("/details/0/fieldName").stringValue()).isEqualTo("pageSize");
        genesysError(http.get(DOMAINS + "?pageNumber=0", token), 400, "bad.request");
        genesysError(http.get(DOMAINS + "?pageNumber=two", token), 400, "bad.request");
    }

    @Test
    void getAnswersTheStoredEntity() throws IOException {
        JsonNode created = create("www.example.com");

        HttpResponse<String> response = http.get(DOMAINS + "/" + created.get("id").stringValue(), token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(created);
    }

    @Test
    void anUnknownIdIsAGenesysNotFound() throws IOException {
        for (String method : List.of("GET", "DELETE")) {
            JsonNode body = genesysError(http.call(method, DOMAINS + "/no-such-id", token, null), 404, "not.found");
            assertThat(body.get("message").stringValue()).isEqualTo("Custom domain no-such-id was not found");
        }
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        genesysError(http.call("PUT", DOMAINS + "/no-such-id", token, domainBody("www.example.com", leaf)), 404,
                "not.found");
    }

    @Test
    void replaceSwapsTheCertificateAndBumpsVersionAndModifiedDate() throws IOException {
        JsonNode created = create("www.example.com");
        String id = created.get("id").stringValue();
        CLOCK.advance(Duration.ofMinutes(5));
        TestPki.Issued renewed = PKI.leaf("www.example.com", NOW);
        Map<String, Object> body = domainBody("www.example.com", renewed);
        body.put("settings", Map.of("tlsVersion", "TLSv1.3", "ocspStapling", false));

        HttpResponse<String> response = http.call("PUT", DOMAINS + "/" + id, token, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode replaced = json(response);
        assertThat(replaced.get("id").stringValue()).isEqualTo(id);
        assertThat(replaced.get("version").intValue()).isEqualTo(2);
        assertThat(replaced.get("createdDate").stringValue()).isEqualTo("2026-05-01T12:00:00.000Z");
        assertThat(replaced.get("modifiedDate").stringValue()).isEqualTo("2026-05-01T12:05:00.000Z");
        assertThat(replaced.get("certificateFingerprint").stringValue()).isEqualTo(renewed.fingerprint())
                .isNotEqualTo(created.get("certificateFingerprint").stringValue());
        assertThat(replaced.at("/settings/tlsVersion").stringValue()).isEqualTo("TLSv1.3");
        assertThat(replaced.at("/settings/ocspStapling").booleanValue()).isFalse();
        assertThat(json(http.get(DOMAINS + "/" + id, token))).isEqualTo(replaced);
    }

    @Test
    void replaceWithoutTheDomainKeepsIt() throws IOException {
        String id = create("www.example.com").get("id").stringValue();
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.remove("domain");

        HttpResponse<String> response = http.call("PUT", DOMAINS + "/" + id, token, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("domain").stringValue()).isEqualTo("www.example.com");
    }

    @Test
    void replaceCannotRenameTheDomain() throws IOException {
        String id = create("www.example.com").get("id").stringValue();

        JsonNode body = genesysError(http.call("PUT", DOMAINS + "/" + id, token,
                domainBody("api.example.com", PKI.leaf("api.example.com", NOW))), 400, "bad.request");

        assertThat(body.get("message").stringValue()).contains("domain cannot change", "www.example.com",
                "api.example.com");
    }

    @Test
    void replaceIsValidatedLikeCreate() throws IOException {
        String id = create("www.example.com").get("id").stringValue();
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("privateKey", PKI.leaf("www.example.com", NOW).keyPem());

        JsonNode error = genesysError(http.call("PUT", DOMAINS + "/" + id, token, body), 400, "bad.request");

        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("KEY_MISMATCH");
        assertThat(sandbox.domains().get(0).version()).isEqualTo(1);
    }

    @Test
    void deleteAnswers204AndForgetsTheDomain() throws IOException {
        String id = create("www.example.com").get("id").stringValue();

        HttpResponse<String> response = http.call("DELETE", DOMAINS + "/" + id, token, null);

        assertThat(response.statusCode()).isEqualTo(204);
        genesysError(http.get(DOMAINS + "/" + id, token), 404, "not.found");
        assertThat(sandbox.domains()).isEmpty();
        assertThat(sandbox.privateKeyPem(id)).isEmpty();
        assertThat(http.post(DOMAINS, token, domainBody("www.example.com", PKI.leaf("www.example.com", NOW)))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aDuplicateDomainIsAConflictNamingIt() throws IOException {
        String id = create("www.example.com").get("id").stringValue();

        JsonNode body = genesysError(http.post(DOMAINS, token,
                domainBody("WWW.EXAMPLE.COM", PKI.leaf("www.example.com", NOW))), 409, "duplicate.value");

        assertThat(body.get("message").stringValue())
                .isEqualTo("Custom domain www.example.com already exists (id " + id + ")");
        assertThat(body.at("/details/0/fieldName").stringValue()).isEqualTo("domain");
        assertThat(sandbox.domains()).hasSize(1);
    }

    @Test
    void aCertificateThatDoesNotParseIsRefused() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("certificate", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("certificate does not parse");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("INVALID_CERTIFICATE");
        assertThat(error.at("/details/0/fieldName").stringValue()).isEqualTo("certificate");
        assertThat(sandbox.domains()).isEmpty();
    }

    @Test
    void textWithoutAPemBlockIsNotACertificate() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("certificate", "hello");

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue())
                .isEqualTo("certificate does not parse as a PEM certificate (no -----BEGIN CERTIFICATE----- block)");
    }

    @Test
    void aKeyInTheCertificateFieldIsRefused() throws IOException {
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        Map<String, Object> body = domainBody("www.example.com", leaf);
        body.put("certificate", leaf.keyPem());

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue())
                .isEqualTo("certificate holds a private key where a CERTIFICATE block belongs");
        assertThat(error.get("message").stringValue()).doesNotContain("BEGIN");
    }

    @Test
    void aSigningRequestInTheCertificateFieldIsNamedInWords() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("certificate", java.nio.file.Files.readString(java.nio.file.Path.of(
                "fixtures/certs/bad-input/request.csr")));

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue())
                .isEqualTo("certificate holds a certificate signing request where a CERTIFICATE block belongs");
    }

    @Test
    void aKeyThatDoesNotParseIsRefused() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("privateKey", "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANSECRETxMARKER\n-----END PRIVATE KEY-----\n");

        HttpResponse<String> response = http.post(DOMAINS, token, body);
        JsonNode error = genesysError(response, 400, "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("privateKey does not parse");
        assertThat(response.body()).doesNotContain("SECRETxMARKER");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("INVALID_PRIVATE_KEY");
        assertThat(error.at("/details/0/fieldName").stringValue()).isEqualTo("privateKey");
    }

    @Test
    void anEncryptedKeyIsRefusedAsEncrypted() throws Exception {
        TestPki.Issued leaf = PKI.leaf("www.example.com", NOW);
        Map<String, Object> body = domainBody("www.example.com", leaf);
        body.put("privateKey", TestPki.pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                leaf.keyPair().getPrivate(), new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .setPassword("pw".toCharArray()).build())
                .generate()));

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo("privateKey is encrypted; the service needs the decrypted key");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("ENCRYPTED_PRIVATE_KEY");
    }

    @Test
    void parserMessagesCarryNoJavaClassNames() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("certificate", "-----BEGIN CERTIFICATE-----\nMIIBVQIBADAN\n-----END CERTIFICATE-----\n");

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("certificate does not parse: problem parsing certificate")
                .doesNotContain("org.bouncycastle", "java.lang");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("privateKey", PKI.leaf("www.example.com", NOW).keyPem());

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo("privateKey does not match the certificate's public key");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("KEY_MISMATCH");
        assertThat(error.at("/details/0/fieldName").stringValue()).isEqualTo("privateKey");
    }

    @Test
    void anRsaKeyForAnEcCertificateIsAMismatch() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("privateKey", TestPki.pem(TestPki.rsaKey().getPrivate()));

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("KEY_MISMATCH");
    }

    @Test
    void tls11IsBelowTheMinimum() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("settings", Map.of("tlsVersion", "TLSv1.1"));

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo("settings.tlsVersion TLSv1.1 is below the minimum TLSv1.2");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("TLS_VERSION_TOO_LOW");
        assertThat(error.at("/details/0/fieldName").stringValue()).isEqualTo("settings.tlsVersion");
    }

    @Test
    void anUnknownTlsVersionOrTypeIsRefused() throws IOException {
        Map<String, Object> body = domainBody("www.example.com", PKI.leaf("www.example.com", NOW));
        body.put("settings", Map.of("tlsVersion", "TLSv9"));
        body.put("type", "mail");

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo("2 problems: type 'mail' is not supported; use one of "
                + "[web]; settings.tlsVersion 'TLSv9' is not one of [TLSv1.2, TLSv1.3]");
        assertThat(error.get("details").values()).extracting(d -> d.get("fieldName").stringValue())
                .containsExactly("type", "settings.tlsVersion");
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() throws IOException {
        JsonNode error = genesysError(http.post(DOMAINS, token, Map.of("type", "web")), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo(
                "3 problems: domain is required; certificate is required; privateKey is required");
        assertThat(error.get("details").values()).extracting(d -> d.get("errorCode").stringValue())
                .containsOnly("MISSING_FIELD");
    }

    @Test
    void anInvalidHostNameIsRefused() throws IOException {
        Map<String, Object> body = domainBody("bad_host..example", PKI.leaf("www.example.com", NOW));

        JsonNode error = genesysError(http.post(DOMAINS, token, body), 400, "bad.request");

        assertThat(error.get("message").stringValue()).isEqualTo("domain 'bad_host..example' is not a valid host name");
    }

    @Test
    void anExpiredCertificateIsRefused() throws IOException {
        TestPki.Issued expired = PKI.leaf("old.example.com", TestPki.ecKey(), NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)));

        JsonNode error = genesysError(http.post(DOMAINS, token, domainBody("old.example.com", expired)), 400,
                "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("certificate expired on 2026-04-30");
        assertThat(error.at("/details/0/errorCode").stringValue()).isEqualTo("CERTIFICATE_EXPIRED");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws IOException {
        JsonNode error = genesysError(http.post(DOMAINS, token, "{\"domain\": "), 400, "bad.request");

        assertThat(error.get("message").stringValue()).startsWith("The request body is not valid JSON");
        genesysError(http.post(DOMAINS, token, "[1,2]"), 400, "bad.request");
    }

    @Test
    void concurrentCreatesOfOneDomainStoreItOnce() throws Exception {
        Map<String, Object> body = domainBody("race.example.com", PKI.leaf("race.example.com", NOW));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> http.post(DOMAINS, token, body).statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.domains()).hasSize(1);
    }

    @Test
    void putDomainStoresLikeAPostAndRefusesLikeIt() {
        TestPki.Issued leaf = PKI.leaf("seed.example.com", NOW);

        CustomDomain seeded = sandbox.putDomain("seed.example.com", leaf.certificatePem(), leaf.keyPem(), null);

        assertThat(seeded.certificateFingerprint()).isEqualTo(leaf.fingerprint());
        assertThat(sandbox.auditEvents()).extracting(AuditEvent::action).containsExactly("Create");
        assertThatThrownBy(() -> sandbox.putDomain("seed.example.com", leaf.certificatePem(), leaf.keyPem(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sandbox refused seed.example.com (HTTP 409 duplicate.value)");
    }
}
