package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;

class CryptoFileReaderTest {

    private static String pem(String relative) throws Exception {
        return Files.readString(Fixtures.file(relative));
    }

    private static CryptoFile parse(String text) {
        return CryptoFileReader.parse(text.getBytes(StandardCharsets.UTF_8), Path.of("x.pem"), "--cert");
    }

    private static CryptoFile parse(byte[] bytes) {
        return CryptoFileReader.parse(bytes, Path.of("x.der"), "--cert");
    }

    @Test
    void pemWithCrlfBomAndTextAroundIndentedBlocks() throws Exception {
        CryptoFile file = CryptoFileReader.read(Fixtures.file("ok-rsa/messy-bom-crlf.pem"), "--cert");
        assertThat(file.certificates()).hasSize(2);
        assertThat(file.bom()).isTrue();
        assertThat(file.crlf()).isTrue();
        assertThat(file.textAround()).isTrue();
        assertThat(file.problems()).isEmpty();
        assertThat(file.der()).isFalse();
    }

    @Test
    void oneLinePemAndBlocksGluedTogether() throws Exception {
        String leaf = pem("ok-rsa/leaf.pem").strip();
        String oneLine = leaf.replace("\n", " ");
        assertThat(parse(oneLine).certificates()).hasSize(1);
        String glued = leaf + pem("pki/int-rsa.pem").strip(); // cat of two files without a final newline
        assertThat(parse(glued).certificates()).hasSize(2);
    }

    @Test
    void jsonEscapedPem() throws Exception {
        String escaped = pem("ok-rsa/leaf.pem").strip().replace("\n", "\\n");
        assertThat(parse("{\"certificate\": \"" + escaped + "\"}").certificates()).hasSize(1);
    }

    @Test
    void utf16WithBomAsPowerShellWritesIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(pem("ok-rsa/leaf.pem").getBytes(StandardCharsets.UTF_16LE));
        CryptoFile file = parse(bytes.toByteArray());
        assertThat(file.certificates()).hasSize(1);
        assertThat(file.bom()).isTrue();
    }

    @Test
    void derCertificatesConcatenatedAndWithATrailingNewline() throws Exception {
        byte[] leaf = Files.readAllBytes(Fixtures.file("ok-rsa/leaf.der"));
        X509Certificate intermediate = CryptoFileReader.read(Fixtures.file("pki/int-rsa.pem"), "--chain")
                .certificates().get(0);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(leaf);
        both.write(intermediate.getEncoded());
        both.write('\n');
        CryptoFile file = parse(both.toByteArray());
        assertThat(file.der()).isTrue();
        assertThat(file.certificates()).extracting(Certs::label)
                .containsExactly("www.example.com", "gctls Test RSA Intermediate");
    }

    @Test
    void derKeysOfEveryEncoding() {
        for (String key : List.of("ok-rsa/leaf.pkcs1.der", "ok-rsa/leaf.pkcs8.der", "ok-ec/p256.sec1.der",
                "ok-ed25519/leaf.key.der")) {
            CryptoFile file = CryptoFileReader.read(Fixtures.file(key), "--key");
            assertThat(file.privateKeys()).as(key).hasSize(1);
            assertThat(file.der()).as(key).isTrue();
        }
        assertThat(CryptoFileReader.read(Fixtures.file("ok-rsa/leaf.enc-pkcs8.der"), "--key").privateKeys().get(0))
                .isInstanceOf(KeyMaterial.EncryptedPkcs8.class);
    }

    @Test
    void pkcs7BundlesAreUnpacked() throws Exception {
        List<X509Certificate> certificates = CryptoFileReader.read(Fixtures.file("chain/chain.pem"), "--chain")
                .certificates();
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(certificates));
        byte[] p7b = generator.generate(new CMSProcessableByteArray(new byte[0])).getEncoded();
        CryptoFile der = parse(p7b);
        assertThat(der.certificates()).hasSize(2);
        assertThat(der.pkcs7()).isTrue();
        CryptoFile pem = parse(Pem.encode("PKCS7", p7b));
        assertThat(pem.certificates()).hasSize(2);
    }

    @Test
    void aDamagedBlockBesideGoodOnesIsReportedAndTheRestKept() throws Exception {
        String broken = pem("bad-input/corrupt-base64.pem");
        CryptoFile file = parse(pem("ok-rsa/leaf.pem") + broken + pem("pki/int-rsa.pem"));
        assertThat(file.certificates()).hasSize(2);
        assertThat(file.problems()).singleElement().asString()
                .contains("the CERTIFICATE block no. 2 is corrupt").contains("base64");
    }

    @Test
    void wrongKindsAreRecognisedNotJustRejected() throws Exception {
        assertThat(CryptoFileReader.read(Fixtures.file("bad-input/request.csr"), "--cert").otherKinds())
                .singleElement().asString().contains("certificate signing request");
        assertThat(CryptoFileReader.read(Fixtures.file("bad-input/bundle.p12"), "--cert").privateKeys())
                .singleElement().isInstanceOfSatisfying(KeyMaterial.Keystore.class,
                        k -> assertThat(k.format()).isEqualTo("PKCS#12"));
        assertThat(CryptoFileReader.read(Fixtures.file("ok-rsa/leaf.rsapub"), "--key").publicKeys()).hasSize(1);
        assertThat(parse(new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2}).privateKeys())
                .singleElement().isInstanceOfSatisfying(KeyMaterial.Keystore.class,
                        k -> assertThat(k.format()).isEqualTo("JKS keystore"));
        assertThat(parse("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n")
                .problems()).singleElement().asString().contains("OPENSSH PRIVATE KEY");
    }

    @Test
    void emptyAndBlankFilesAreEmpty() {
        assertThat(parse("").empty()).isTrue();
        assertThat(parse(" \r\n\t\n").empty()).isTrue();
        assertThat(parse(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).empty()).isTrue();
    }

    @Test
    void garbageSaysWhatItIsNot() {
        assertThat(parse("hello").problems()).singleElement().asString().contains("no PEM block");
        assertThat(parse(new byte[] {0x30, (byte) 0x82, 0x7f, 0x01, 0x02}).problems()).singleElement().asString()
                .startsWith("it is not valid DER");
    }

    @Test
    void privateKeyBlocksAreRegisteredAsSecretsOnRead() throws Exception {
        String key = pem("ok-rsa/leaf.pkcs8.key");
        CryptoFileReader.read(Fixtures.file("ok-rsa/leaf.pkcs8.key"), "--key");
        String line = key.lines().skip(3).findFirst().orElseThrow();
        assertThat(io.gctls.core.Secrets.redact(line)).isEqualTo(io.gctls.core.Secrets.MASK);
        String certLine = pem("ok-rsa/leaf.pem").lines().skip(3).findFirst().orElseThrow();
        CryptoFileReader.read(Fixtures.file("ok-rsa/leaf.pem"), "--cert");
        assertThat(io.gctls.core.Secrets.redact(certLine)).isEqualTo(certLine); // certificates are public
    }
}
