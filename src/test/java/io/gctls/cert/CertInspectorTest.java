package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.core.Environment;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Prompter;
import io.gctls.core.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertInspectorTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    private final CertInspector inspector = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of()));

    private static Path f(String relative) {
        return Fixtures.file(relative);
    }

    private static InspectRequest healthy() {
        return InspectRequest.of(f("chain/leaf.pem")).withKey(f("chain/leaf.key")).withChain(f("chain/chain.pem"))
                .withTrust(f("pki/root-ca.pem")).withDomain("www.example.com");
    }

    // ----------------------------------------------------------------------- expires-soon

    @Test
    void expiresSoonWarnsInsideTheWindowAndNotOutsideIt() {
        Instant now = Instant.now();
        TestPki.write(TestPki.leafExpiringIn(Duration.ofDays(10), now), tmp.resolve("soon"));
        TestPki.write(TestPki.leafExpiringIn(Duration.ofDays(45), now), tmp.resolve("later"));
        CertInspector today = new CertInspector(Clock.fixed(now, ZoneOffset.UTC), Environment.of(Map.of()));

        InspectionReport soon = today.inspect(minted(tmp.resolve("soon")), Prompter.none()).report();
        assertThat(soon.codes()).containsExactly("expires-soon");
        assertThat(soon.verdict()).isEqualTo(Verdict.WARN);
        assertThat(soon.findings().get(0).message()).contains("in 9 days").contains("30-day");

        assertThat(today.inspect(minted(tmp.resolve("later")), Prompter.none()).report().codes()).isEmpty();
        assertThat(today.inspect(minted(tmp.resolve("later")).withWarnDays(60), Prompter.none()).report().codes())
                .containsExactly("expires-soon");
        assertThat(today.inspect(minted(tmp.resolve("soon")).withWarnDays(0), Prompter.none()).report().codes())
                .isEmpty();
    }

    @Test
    void anExpiredLeafIsExpiredNotExpiringSoon() {
        Instant now = Instant.now();
        TestPki.write(TestPki.leafExpiringIn(Duration.ofDays(10), now), tmp);
        CertInspector later = new CertInspector(Clock.fixed(now.plus(Duration.ofDays(11)), ZoneOffset.UTC),
                Environment.of(Map.of()));
        assertThat(later.inspect(minted(tmp), Prompter.none()).report().codes()).containsExactly("expired");
    }

    private static InspectRequest minted(Path dir) {
        return InspectRequest.of(dir.resolve("leaf.pem")).withKey(dir.resolve("leaf.key"))
                .withChain(dir.resolve("chain.pem")).withTrust(f("pki/root-ca.pem")).withDomain("www.example.com");
    }

    // ----------------------------------------------------------------------------- bundle

    @Test
    void theBundleHoldsWhatThePayloadNeeds() {
        Inspection inspection = inspector.inspect(healthy(), Prompter.none());
        CertificateBundle bundle = inspection.bundle().orElseThrow();
        assertThat(inspection.verdict()).isEqualTo(Verdict.OK);
        assertThat(Certs.label(bundle.leaf())).isEqualTo("www.example.com");
        assertThat(bundle.servingChain()).extracting(Certs::label)
                .containsExactly("gctls Test EC Intermediate", "gctls Test RSA Intermediate");
        assertThat(bundle.trustAnchor()).map(Certs::label).contains("gctls Test Root CA");
        assertThat(bundle.privateKey()).isPresent();
        assertThat(bundle.privateKeyPem().orElseThrow().reveal()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(bundle.keySummary().orElseThrow().type()).isEqualTo("RSA");
        assertThat(bundle.keySummary().orElseThrow().publicKeySha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(bundle.leafPem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(bundle.servingChainPem().split("BEGIN CERTIFICATE", -1)).hasSize(3);
    }

    @Test
    void theBundleIsFixedUpAndSaysHow() {
        InspectRequest messy = InspectRequest.of(f("chain-out-of-order/bundle.pem")).withKey(f("ok-rsa/leaf.pkcs1.der"))
                .withChain(f("root-included/chain.pem")).withTrust(f("pki/root-ca.pem"));
        // the PKCS#1 DER key belongs to another leaf: the fix-ups are what matters here
        Inspection inspection = inspector.inspect(messy, Prompter.none());
        CertificateBundle bundle = inspection.bundle().orElseThrow();
        assertThat(bundle.servingChain()).extracting(Certs::label)
                .containsExactly("gctls Test EC Intermediate", "gctls Test RSA Intermediate");
        assertThat(bundle.chainAsGiven()).hasSize(5);
        assertThat(bundle.encodings()).anyMatch(e -> e.der() && e.file().startsWith("--key"));
        assertThat(bundle.key()).hasValueSatisfying(k -> assertThat(k.format()).isEqualTo("PKCS#1"));
        assertThat(io.gctls.payload.PayloadBuilder.fixups(inspection))
                .anyMatch(s -> s.startsWith("converted DER to PEM (--key"))
                .contains("reordered the chain to serving order")
                .contains("dropped the trust anchor 'gctls Test Root CA' from the chain")
                .contains("converted the PKCS#1 key to PKCS#8");
    }

    @Test
    void theKeyNeverShowsItselfByAccident() {
        CertificateBundle bundle = inspector.inspect(healthy(), Prompter.none()).bundle().orElseThrow();
        String body = bundle.privateKeyPem().orElseThrow().reveal().lines().skip(1).findFirst().orElseThrow();
        assertThat(bundle.toString()).doesNotContain(body).contains("RSA");
        assertThat(bundle.privateKeyPem().orElseThrow().toString()).isEqualTo("SensitivePem[****]");
        assertThat(Secrets.redact("leaked: " + body)).isEqualTo("leaked: " + Secrets.MASK);
    }

    // --------------------------------------------------------------------------- passwords

    @Test
    void thePasswordComesFromTheEnvironmentWhenNoFileIsGiven() {
        CertInspector withEnv = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of("GCTLS_KEY_PASSWORD", PASSWORD)));
        InspectRequest request = rsa("ok-rsa/leaf.enc-pkcs8.key");
        assertThat(withEnv.inspect(request, Prompter.none()).report().codes()).isEmpty();
        assertThat(Secrets.redact(PASSWORD)).isEqualTo(Secrets.MASK);

        CertInspector wrongEnv = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of("GCTLS_KEY_PASSWORD", "nope-nope")));
        InspectionReport wrong = wrongEnv.inspect(request, Prompter.none()).report();
        assertThat(wrong.codes()).containsExactly("wrong-password");
        assertThat(wrong.findings().get(0).message()).contains("GCTLS_KEY_PASSWORD");
    }

    @Test
    void thePasswordFileBeatsTheEnvironment() {
        CertInspector wrongEnv = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of("GCTLS_KEY_PASSWORD", "nope-nope")));
        InspectRequest request = rsa("ok-rsa/leaf.enc-legacy.key").withPasswordFile(Fixtures.secret("ok-rsa/password.txt"));
        assertThat(wrongEnv.inspect(request, Prompter.none()).report().codes()).isEmpty();
    }

    @Test
    void atThePromptTheUserIsAskedAndMayRetry() {
        ScriptedPrompter prompter = new ScriptedPrompter("typo-typo", PASSWORD);
        InspectionReport report = inspector.inspect(rsa("ok-rsa/leaf.enc-pkcs8.key"), prompter).report();
        assertThat(report.codes()).isEmpty();
        assertThat(prompter.prompts).containsExactly("Password for --key " + f("ok-rsa/leaf.enc-pkcs8.key") + ": ",
                "Password for --key " + f("ok-rsa/leaf.enc-pkcs8.key") + ": ");

        ScriptedPrompter wrong = new ScriptedPrompter("a-wrong-one", "another-wrong", "third-wrong", PASSWORD);
        InspectionReport refused = inspector.inspect(rsa("ok-rsa/leaf.enc-legacy.key"), wrong).report();
        assertThat(refused.codes()).containsExactly("wrong-password");
        assertThat(wrong.prompts).hasSize(3);
        // it once said "the password from the password typed"
        assertThat(refused.findings().get(0).message()).startsWith("the password from the prompt does not decrypt");
    }

    @Test
    void aPromptThatCannotAskNeverBlocksAndSaysWhy() {
        InspectionReport report = inspector.inspect(rsa("ok-rsa/leaf.enc-pkcs8.key"), Prompter.none()).report();
        assertThat(report.codes()).containsExactly("encrypted-key");
        assertThat(report.findings().get(0).message()).contains("--password-file").contains("GCTLS_KEY_PASSWORD");
    }

    @Test
    void anEmptyPasswordFileMeansNoPassword() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.pass"), "\n");
        Files.setPosixFilePermissions(empty, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        InspectionReport report = inspector.inspect(rsa("ok-rsa/leaf.enc-pkcs8.key").withPasswordFile(empty),
                Prompter.none()).report();
        assertThat(report.codes()).containsExactly("encrypted-key");
        assertThat(report.findings().get(0).message()).contains("the --password-file is empty");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedLikeASecretFile() throws Exception {
        Path shared = Files.writeString(tmp.resolve("shared.pass"), PASSWORD + "\n");
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> inspector.inspect(rsa("ok-rsa/leaf.enc-pkcs8.key").withPasswordFile(shared),
                Prompter.none()))
                .isInstanceOf(GctlsException.class)
                .hasMessage("refusing to read the --password-file from " + shared + ": other users can read it"
                        + " (run: chmod 600 " + shared + ")")
                .satisfies(e -> assertThat(((GctlsException) e).exitCode()).isEqualTo(ExitCode.INPUT));
    }

    private static InspectRequest rsa(String key) {
        return InspectRequest.of(f("ok-rsa/leaf.pem")).withKey(f(key)).withChain(f("ok-rsa/chain.pem"))
                .withTrust(f("pki/root-ca.pem"));
    }

    static final class ScriptedPrompter implements Prompter {
        final Deque<String> answers;
        final List<String> prompts = new java.util.ArrayList<>();

        ScriptedPrompter(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Optional<char[]> askSecret(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        }

        @Override
        public boolean canAsk() {
            return true;
        }
    }

    // ------------------------------------------------------------------- files and trust

    @Test
    void anUnreadableFileIsAnInputFailureNamingIt() {
        assertThatThrownBy(() -> inspector.inspect(InspectRequest.of(tmp.resolve("missing.pem")), Prompter.none()))
                .isInstanceOf(GctlsException.class).hasMessage("cannot read --cert " + tmp.resolve("missing.pem")
                        + ": no such file")
                .satisfies(e -> assertThat(((GctlsException) e).exitCode()).isEqualTo(ExitCode.INPUT));
        assertThatThrownBy(() -> inspector.inspect(healthy().withChain(tmp), Prompter.none()))
                .hasMessage("cannot read --chain " + tmp + ": it is a directory");
        assertThatThrownBy(() -> inspector.inspect(healthy().withPasswordFile(tmp.resolve("pw")), Prompter.none()))
                .hasMessage("cannot read --password-file " + tmp.resolve("pw") + ": no such file");
    }

    @Test
    void withoutTrustTheJdkTrustStoreIsUsed() {
        InspectionReport report = inspector.inspect(InspectRequest.of(f("chain/leaf.pem"))
                .withChain(f("chain/chain.pem")), Prompter.none()).report();
        assertThat(report.codes()).containsExactly("chain-incomplete");
        assertThat(report.findings().get(0).message()).contains("the JDK trust store");
    }

    @Test
    void aLeafAnchoredByAnIntermediateInTheTrustFileNeedsNoChain() {
        InspectionReport report = inspector.inspect(InspectRequest.of(f("ok-rsa/leaf.pem"))
                .withTrust(f("pki/int-rsa.pem")), Prompter.none()).report();
        assertThat(report.codes()).isEmpty();
        assertThat(report.certificates()).extracting(CertificateDetails::role).containsExactly("leaf", "anchor");
    }

    @Test
    void aCrossSignedCopyListedFirstDoesNotHideTheValidPath() throws Exception {
        // the same RSA intermediate (subject and key) issued by the other root as well as by the real root
        TestPki.Issuer other = TestPki.issuer("other-root");
        TestPki.Issuer rsa = TestPki.rsaIntermediate();
        X509Certificate crossSigned = TestPki.crossSign(rsa, other);
        Path chain = Files.writeString(tmp.resolve("chain.pem"), Pem.encode(List.of(crossSigned, rsa.certificate())));
        InspectionReport report = inspector.inspect(InspectRequest.of(f("ok-rsa/leaf.pem")).withChain(chain)
                .withTrust(f("pki/root-ca.pem")), Prompter.none()).report();
        assertThat(report.codes()).containsExactly("extra-cert");
        assertThat(report.findings().get(0).message()).contains("not on the path");
    }

    // ---------------------------------------------------------------------------- details

    @Test
    void eachCertificateIsDescribed() {
        InspectionReport report = inspector.inspect(healthy(), Prompter.none()).report();
        assertThat(report.certificates()).extracting(CertificateDetails::role)
                .containsExactly("leaf", "intermediate", "intermediate", "anchor");
        CertificateDetails leaf = report.certificates().get(0);
        assertThat(leaf.subject()).isEqualTo("CN=www.example.com,O=Example");
        assertThat(leaf.issuer()).isEqualTo("CN=gctls Test EC Intermediate,O=gctls test");
        assertThat(leaf.sans()).containsExactly("DNS:www.example.com", "DNS:example.com");
        assertThat(leaf.notBefore()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(leaf.notAfter()).isEqualTo("2075-01-01T00:00:00Z");
        assertThat(leaf.daysLeft()).isEqualTo(Duration.between(Fixtures.NOW, Instant.parse("2075-01-01T00:00:00Z")).toDays());
        assertThat(leaf.keyType()).isEqualTo("RSA");
        assertThat(leaf.keySize()).isEqualTo(2048);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(leaf.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(leaf.serial()).matches("([0-9A-F]{2}:)+[0-9A-F]{2}");
        // the healthy chain names no network location, so inspecting it never touches the network
        assertThat(leaf.ocsp()).isEmpty();
        assertThat(leaf.caIssuers()).isEmpty();
        assertThat(leaf.crl()).isEmpty();
        assertThat(leaf.revocation()).isEqualTo("not checked: no OCSP or CRL location");
        assertThat(leaf.scts()).isTrue();
        CertificateDetails located = inspector.inspect(InspectRequest.of(f("revocation/good.pem"))
                .withChain(f("revocation/chain.pem")).withTrust(f("pki/root-ca.pem")).withOffline(true),
                Prompter.none()).report().certificates().get(0);
        assertThat(located.ocsp()).containsExactly("http://ocsp.gctls.test/");
        assertThat(located.crl()).containsExactly("http://crl.gctls.test/rev-int.crl");
        assertThat(located.revocation()).isEqualTo("not checked: --offline");
        assertThat(inspector.inspect(InspectRequest.of(f("aia/leaf.pem")).withChain(f("aia/chain.pem"))
                .withTrust(f("pki/root-ca.pem")).withOffline(true), Prompter.none()).report().certificates().get(0)
                .caIssuers()).containsExactly("http://aia.gctls.test/aia-int-ec.der");
        CertificateDetails ec = report.certificates().get(1);
        assertThat(ec.keyType()).isEqualTo("EC P-384");
        assertThat(ec.keySize()).isEqualTo(384);
        assertThat(ec.scts()).isFalse();
        assertThat(ec.ca()).isTrue();
        assertThat(report.certificates().get(3).source()).isEqualTo("trust");
    }

    @Test
    void findingsComeWorstFirst() {
        InspectionReport report = inspector.inspect(InspectRequest.of(f("ok-rsa/leaf.der"))
                .withKey(f("key-mismatch/other-rsa.key")).withChain(f("ok-rsa/chain.pem"))
                .withTrust(f("pki/root-ca.pem")), Prompter.none()).report();
        assertThat(report.findings()).extracting(Finding::code).containsExactly("key-mismatch", "der");
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    }
}
