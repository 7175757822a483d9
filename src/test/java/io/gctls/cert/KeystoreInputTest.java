package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import io.gctls.payload.PayloadBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PKCS#12 (both encryptions) and JKS as --cert: leaf, key and chain from one file; --alias. */
class KeystoreInputTest {

    private final CertInspector inspector = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of()),
            TrustAnchors::jdkDefault, new FixtureNetwork(Fixtures.CLOCK), java.util.Optional.empty());

    private static InspectRequest store(String file) {
        return InspectRequest.of(Fixtures.file("pkcs12/" + file)).withTrust(Fixtures.file("pki/root-ca.pem"))
                .withDomain("www.example.com").withPasswordFile(Fixtures.secret("pkcs12/password.txt"));
    }

    @Test
    void everyKindGivesLeafKeyAndChain() {
        for (String file : new String[] {"modern.p12", "legacy.p12", "store.jks"}) {
            Inspection inspection = inspector.inspect(store(file), Prompter.none());
            assertThat(inspection.report().codes()).as(file).isEmpty();
            CertificateBundle bundle = inspection.bundle().orElseThrow();
            assertThat(Certs.label(bundle.leaf())).isEqualTo("www.example.com");
            assertThat(bundle.servingChain()).extracting(Certs::label).containsExactly("gctls Test RSA Intermediate");
            assertThat(bundle.privateKeyPem()).isPresent();
            assertThat(bundle.key().orElseThrow().format()).as(file).contains("entry 'www'");
            assertThat(PayloadBuilder.fixups(inspection)).as(file)
                    .anyMatch(f -> f.startsWith("took the leaf, key and chain out of the keystore (--cert"));
        }
    }

    @Test
    void severalKeysNeedAnAliasAndTheFindingListsThem() {
        InspectionReport report = inspector.inspect(store("two-keys.p12"), Prompter.none()).report();
        assertThat(report.codes()).containsExactly("multiple-leaves");
        assertThat(report.findings().get(0).message()).contains("aliases 'www', 'api'").contains("--alias NAME");

        assertThat(inspector.inspect(store("two-keys.p12").withAlias("www"), Prompter.none()).report().codes())
                .isEmpty();
        Inspection api = inspector.inspect(store("two-keys.p12").withAlias("api"), Prompter.none());
        assertThat(api.report().codes()).isEmpty();
        assertThat(Certs.label(api.bundle().orElseThrow().leaf())).isEqualTo("api.example.com");
        InspectionReport nope = inspector.inspect(store("two-keys.p12").withAlias("nope"), Prompter.none()).report();
        assertThat(nope.codes()).containsExactly("multiple-leaves");
        assertThat(nope.findings().get(0).message()).contains("no entry 'nope'").contains("'www', 'api'");
    }

    @Test
    void thePasswordComesAsAnEncryptedKeysDoes() {
        InspectRequest withoutFile = InspectRequest.of(Fixtures.file("pkcs12/modern.p12"))
                .withTrust(Fixtures.file("pki/root-ca.pem"));
        InspectionReport none = inspector.inspect(withoutFile, Prompter.none()).report();
        assertThat(none.codes()).containsExactly("encrypted-key");
        assertThat(none.findings().get(0).message()).contains("is a PKCS#12 file")
                .contains("--password-file or GCTLS_KEY_PASSWORD");

        CertInspector fromEnvironment = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of("GCTLS_KEY_PASSWORD",
                "correct horse battery staple")));
        assertThat(fromEnvironment.inspect(withoutFile, Prompter.none()).report().codes()).isEmpty();

        CertInspectorTest.ScriptedPrompter prompter = new CertInspectorTest.ScriptedPrompter("typo",
                "correct horse battery staple");
        assertThat(inspector.inspect(withoutFile, prompter).report().codes()).isEmpty();
        assertThat(prompter.prompts).containsExactly("Password for --cert " + Fixtures.file("pkcs12/modern.p12") + ": ",
                "Password for --cert " + Fixtures.file("pkcs12/modern.p12") + ": ");
    }
}
