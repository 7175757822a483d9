package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of any kind is a finding, never an exception: every fixture kind (PEM and DER
 * certificates, chains, keys of every encoding, encrypted keys, bundles), truncated at many points
 * and with bytes flipped, in every slot. A fixed seed keeps the run reproducible.
 */
class DamagedInputTest {

    private static final List<String> SOURCES = List.of("chain/leaf.pem", "chain/chain.pem", "ok-rsa/leaf.der",
            "ok-rsa/leaf.key", "ok-rsa/leaf.pkcs8.der", "ok-rsa/leaf.pkcs1.der", "ok-ec/p384.sec1.key",
            "ok-ec/p256.sec1-params.key", "ok-ec/p256.sec1.der", "ok-ed25519/leaf.key", "ok-rsa/leaf.enc-pkcs8.key",
            "ok-rsa/leaf.enc-legacy.key", "ok-rsa/leaf.enc-pkcs8.der", "ok-rsa/messy-bom-crlf.pem",
            "bad-input/bundle.p12", "bad-input/request.csr", "ok-rsa/leaf.rsapub", "pki/root-ca.der",
            "pkcs12/modern.p12", "pkcs12/legacy.p12", "pkcs12/store.jks", "pkcs12/two-keys.p12");

    @TempDir
    Path tmp;

    @Test
    void damagedFilesInEverySlotGiveFindingsNotExceptions() throws Exception {
        Random random = new Random(20261201L);
        CertInspector inspector = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of()), TrustAnchors::jdkDefault,
                new FixtureNetwork(Fixtures.CLOCK), java.util.Optional.empty());
        Path passwordFile = Fixtures.secret("ok-rsa/password.txt"); // the same password as pkcs12/
        int runs = 0;
        for (String source : SOURCES) {
            byte[] original = Files.readAllBytes(Fixtures.file(source));
            for (int variant = 0; variant < 12; variant++) {
                byte[] damaged = damage(original, variant, random);
                Path file = Files.write(tmp.resolve("v" + runs), damaged);
                for (InspectRequest request : List.of(
                        InspectRequest.of(file).withTrust(Fixtures.file("pki/root-ca.pem")).withDomain("www.example.com")
                                .withPasswordFile(passwordFile),
                        InspectRequest.of(Fixtures.file("ok-rsa/leaf.pem")).withKey(file).withPasswordFile(passwordFile),
                        InspectRequest.of(Fixtures.file("ok-rsa/leaf.pem")).withChain(file),
                        InspectRequest.of(Fixtures.file("ok-rsa/leaf.pem")).withTrust(file))) {
                    InspectionReport report = inspector.inspect(request, Prompter.none()).report();
                    assertThat(report.verdict()).isNotNull();
                    assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank()
                            .doesNotContain("Exception").doesNotContain("\n"));
                    runs++;
                }
            }
        }
        assertThat(runs).isEqualTo(SOURCES.size() * 12 * 4);
    }

    private static byte[] damage(byte[] original, int variant, Random random) {
        if (variant < 6) { // truncated at different depths
            int length = Math.max(1, (int) (original.length * (variant + 1) / 7.0) + random.nextInt(5));
            return java.util.Arrays.copyOf(original, Math.min(length, original.length - 1));
        }
        byte[] copy = original.clone();
        int flips = variant - 4; // 2..7 flipped bytes, anywhere (headers, lengths, signatures)
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
        }
        return copy;
    }
}
