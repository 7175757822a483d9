package io.gctls.shell.command;

import static io.gctls.shell.command.CertInspectCommandTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.core.Environment;
import io.gctls.core.Metrics;
import io.gctls.core.Prompter;
import io.gctls.core.Secrets;
import io.gctls.core.XdgDirs;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.LaunchOptions;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md "Secrets": no private-key bytes and no key password in any output of {@code cert inspect}, as text or
 * JSON, with {@code --debug}, on success and on every error path. The check is on what reaches the
 * writers, and it also fails when the redactor had to mask something: gctls must not try to print a
 * secret at all, not merely be saved by the mask.
 */
class CertInspectSecretsTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path home;

    @Test
    void noKeyMaterialAndNoPasswordInAnyOutput() throws Exception {
        Set<String> secrets = secrets();
        String chain = f("ok-rsa/chain.pem");
        String trust = f("pki/root-ca.pem");
        List<List<String>> runs = List.of(
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.key"), "--chain", chain, "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.pkcs8.der"), "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.enc-pkcs8.key"), "--password-file",
                        io.gctls.cert.Fixtures.secret("ok-rsa/password.txt").toString(), "--chain", chain, "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.enc-legacy.key"), "--password-file",
                        io.gctls.cert.Fixtures.secret("ok-rsa/wrong-password.txt").toString(), "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.enc-pkcs8.key"), "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf-and-key.pem"), "--trust", trust),
                List.of("--cert", f("ok-rsa/leaf.key"), "--key", f("ok-rsa/leaf.key")),
                List.of("--cert", f("chain/leaf.pem"), "--key", f("ok-rsa/leaf.key"), "--chain", f("ok-rsa/leaf.key")),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.pem")),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.key"), "--password-file",
                        home.resolve("missing.txt").toString()),
                List.of("--cert", f("ok-rsa/leaf.pem"), "--key", f("ok-rsa/leaf.enc-pkcs8.key"), "--bogus-option"));
        List<Map<String, String>> environments = List.of(Map.of(), Map.of("GCTLS_KEY_PASSWORD", PASSWORD),
                Map.of("GCTLS_KEY_PASSWORD", "not the password"));
        int checked = 0;
        for (Map<String, String> env : environments) {
            for (List<String> options : runs) {
                for (List<String> format : List.of(List.<String>of(), List.of("--output", "json"))) {
                    List<String> args = new ArrayList<>(List.of("cert", "inspect"));
                    args.addAll(options);
                    args.addAll(format);
                    args.add("--debug");
                    String output = run(env, args);
                    assertThat(output).as(String.join(" ", args)).isNotBlank().doesNotContain(Secrets.MASK);
                    for (String secret : secrets) {
                        assertThat(output).as(String.join(" ", args)).doesNotContain(secret);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(66);
    }

    private String run(Map<String, String> env, List<String> args) {
        Secrets.clearForTests(); // nothing known in advance: what gctls reads it must register itself
        Environment environment = Environment.of(env);
        CertInspectCommand command = new CertInspectCommand(new CertInspector(CertInspectCommandTest.CLOCK,
                environment), environment, new Metrics());
        GctlsShell shell = new GctlsShell(List.of(command), List.of(),
                new XdgDirs(home.resolve("c"), home.resolve("s"), home.resolve("k")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        shell.launch(LaunchOptions.parse(args.toArray(String[]::new)), out, err, false);
        return out + "\n" + err;
    }

    /** Every way the test key could show: PEM body lines (PKCS#1 and PKCS#8), base64 of the DER, its numbers. */
    private static Set<String> secrets() throws Exception {
        Set<String> secrets = new LinkedHashSet<>(List.of(PASSWORD, "not the password"));
        for (String file : List.of("ok-rsa/leaf.key", "ok-rsa/leaf.pkcs8.key")) {
            Files.readAllLines(Path.of(f(file))).stream().filter(l -> !l.startsWith("-----") && l.length() >= 16)
                    .forEach(secrets::add);
        }
        byte[] pkcs8 = Files.readAllBytes(Path.of(f("ok-rsa/leaf.pkcs8.der")));
        secrets.add(Base64.getEncoder().encodeToString(pkcs8).substring(64, 128));
        CertInspector inspector = new CertInspector(CertInspectCommandTest.CLOCK, Environment.of(Map.of()));
        String normalised = inspector.inspect(InspectRequest.of(Path.of(f("ok-rsa/leaf.pem")))
                .withKey(Path.of(f("ok-rsa/leaf.key"))), Prompter.none()).bundle().orElseThrow()
                .privateKeyPem().orElseThrow().reveal();
        normalised.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
        RSAPrivateCrtKeyParameters rsa = (RSAPrivateCrtKeyParameters) PrivateKeyFactory.createKey(
                PrivateKeyInfo.getInstance(pkcs8));
        for (BigInteger secret : List.of(rsa.getExponent(), rsa.getP(), rsa.getQ())) {
            secrets.add(secret.toString().substring(0, 40));
            secrets.add(secret.toString(16).substring(0, 40));
        }
        return secrets;
    }
}
