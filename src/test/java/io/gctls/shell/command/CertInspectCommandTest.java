package io.gctls.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.cert.CertInspector;
import io.gctls.core.Environment;
import io.gctls.core.Json;
import io.gctls.core.Metrics;
import io.gctls.core.XdgDirs;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.LaunchOptions;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code cert inspect} through gctls's own command layer: parsing, rendering, exit codes. */
class CertInspectCommandTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    record Run(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            return Json.mapper().readTree(stdout);
        }
    }

    static String f(String relative) {
        return Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath().normalize()
                .resolve("fixtures/certs").resolve(relative).toString();
    }

    Run gctls(Map<String, String> env, String... args) {
        Environment environment = Environment.of(env);
        CertInspectCommand command = new CertInspectCommand(new CertInspector(CLOCK, environment), environment,
                new Metrics());
        GctlsShell shell = new GctlsShell(List.of(command), List.of(),
                new XdgDirs(home.resolve("c"), home.resolve("s"), home.resolve("k")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = shell.launch(LaunchOptions.parse(args), out, err, false);
        return new Run(code, out.toString(), err.toString());
    }

    Run gctls(String... args) {
        return gctls(Map.of(), args);
    }

    static String[] inspect(String... options) {
        List<String> args = new ArrayList<>(List.of("cert", "inspect"));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    static String[] healthy(String... more) {
        List<String> args = new ArrayList<>(List.of("--cert", f("chain/leaf.pem"), "--key", f("chain/leaf.key"),
                "--chain", f("chain/chain.pem"), "--trust", f("pki/root-ca.pem"), "--domain", "www.example.com"));
        args.addAll(List.of(more));
        return inspect(args.toArray(String[]::new));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void anEndlessDeviceAsAFileIsExit3NotAnInternalError() {
        Run run = gctls(inspect("--cert", "/dev/zero", "--key", f("chain/leaf.key")));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr().strip()).startsWith("error: cannot read --cert /dev/zero: it holds more than 4 MiB")
                .doesNotContain("\n").doesNotContain("Exception").doesNotContain("OutOfMemory");
        Run key = gctls(inspect("--cert", f("chain/leaf.pem"), "--key", "/dev/zero"));
        assertThat(key.exitCode()).isEqualTo(3);
    }

    @Test
    void jsonIsExactlyTheContractDocument() {
        Run run = gctls(inspect("--cert", f("chain/leaf.pem"), "--key", f("key-mismatch/other-rsa.key"),
                "--chain", f("chain-out-of-order/chain.pem"), "--trust", f("pki/root-ca.pem"), "--output", "json"));
        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode json = run.json();
        assertThat(json.propertyNames()).containsExactly("verdict", "findings", "certificates", "network");
        assertThat(json.get("network").get("fetches")).isEmpty();
        assertThat(json.get("verdict").asString()).isEqualTo("error");
        assertThat(json.get("findings").get(0).propertyNames())
                .containsExactly("severity", "code", "message", "certificate", "index", "data");
        assertThat(json.get("findings").get(0).get("index").asInt()).isZero();
        assertThat(json.get("findings").get(0).get("data").get("keyType").asString()).isEqualTo("RSA 2048");
        assertThat(json.get("findings").get(0).get("severity").asString()).isEqualTo("ERROR");
        assertThat(json.get("findings").get(0).get("code").asString()).isEqualTo("key-mismatch");
        assertThat(json.get("findings").get(1).get("severity").asString()).isEqualTo("WARN");
        assertThat(json.get("findings").get(1).get("code").asString()).isEqualTo("chain-out-of-order");
        assertThat(json.get("findings").get(1).get("certificate").isNull()).isTrue();
        JsonNode leaf = json.get("certificates").get(0);
        assertThat(leaf.get("role").asString()).isEqualTo("leaf");
        assertThat(leaf.get("sha256").asString()).hasSize(95);
        assertThat(leaf.get("daysLeft").asLong()).isPositive();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void exitCodesFollowTheVerdict() {
        assertThat(gctls(healthy()).exitCode()).isZero();
        String[] warn = inspect("--cert", f("chain/leaf.pem"), "--chain", f("root-included/chain.pem"),
                "--trust", f("pki/root-ca.pem"));
        assertThat(gctls(warn).exitCode()).isZero();
        List<String> strict = new ArrayList<>(List.of(warn));
        strict.add("--strict");
        assertThat(gctls(strict.toArray(String[]::new)).exitCode()).isEqualTo(1);
        assertThat(gctls(inspect("--cert", f("expired/leaf.pem"), "--trust", f("pki/root-ca.pem"))).exitCode())
                .isEqualTo(3);
    }

    @Test
    void textShowsEachCertificateThenFindingsThenTheVerdict() {
        Run run = gctls(inspect("--cert", f("no-eku/leaf.pem"), "--key", f("no-eku/leaf.key"), "--chain",
                f("no-eku/chain.pem"), "--trust", f("pki/root-ca.pem")));
        assertThat(run.exitCode()).isZero();
        String out = run.stdout();
        assertThat(out).contains("Certificate 0: leaf (from --cert)", "  subject      CN=www.example.com,O=Example",
                "  key          RSA 2048", "  SHA-256      ", "  OCSP         -", "  SCTs         none embedded",
                "Certificate 1: intermediate (from --chain)", "Certificate 2: anchor (from --trust)");
        assertThat(out).containsPattern("Findings:\\n  WARN   no-eku  the leaf has no extendedKeyUsage");
        assertThat(out.strip()).endsWith("Verdict: warn (0 errors, 1 warning)");
        assertThat(out.indexOf("Certificate 0")).isLessThan(out.indexOf("Findings:"));

        String healthy = gctls(healthy()).stdout();
        assertThat(healthy).contains("  OCSP         -", "  CA issuers   -", "  CRL          -",
                "  revocation   not checked: no OCSP or CRL location", "  SCTs         embedded", "  key          EC P-384", "No findings.", "Verdict: ok (0 errors, 0 warnings)");
    }

    @Test
    void anUnreadableFileIsOneLineAndExitThree() {
        Run run = gctls(inspect("--cert", home.resolve("nope.pem").toString()));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr().strip()).isEqualTo("error: cannot read --cert " + home.resolve("nope.pem")
                + ": no such file");
        assertThat(run.stdout()).isEmpty();
        Run json = gctls(inspect("--cert", home.resolve("nope.pem").toString(), "--output", "json"));
        assertThat(json.json().get("error").get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run noCert = gctls(inspect("--key", f("chain/leaf.key")));
        assertThat(noCert.exitCode()).isEqualTo(2);
        assertThat(noCert.stderr()).contains("'cert inspect' needs --cert FILE (or CERT_PATH)");
        assertThat(gctls(healthy("--warn-days", "soon")).stderr()).contains("--warn-days expects a whole number");
        assertThat(gctls(healthy("--warn-days", "-1")).exitCode()).isEqualTo(2);
        assertThat(gctls(healthy("--dommain", "x")).exitCode()).isEqualTo(2);
    }

    @Test
    void theEnvironmentAliasesStandInForTheOptions() {
        Map<String, String> env = Map.of("CERT_PATH", f("chain/leaf.pem"), "KEY_PATH", f("key-mismatch/other-rsa.key"),
                "CHAIN_PATH", f("chain/chain.pem"), "TARGET_DOMAIN", "shop.example.org");
        Run run = gctls(env, inspect("--trust", f("pki/root-ca.pem"), "--output", "json"));
        assertThat(run.json().get("findings").findValuesAsString("code"))
                .containsExactlyInAnyOrder("key-mismatch", "domain-mismatch");
        Run flagsWin = gctls(env, inspect("--key", f("chain/leaf.key"), "--domain", "www.example.com",
                "--trust", f("pki/root-ca.pem"), "--output", "json"));
        assertThat(flagsWin.json().get("verdict").asString()).isEqualTo("ok");
    }

    @Test
    void helpHasExamplesAndFileOptions() {
        Run run = gctls(inspect("--help"));
        assertThat(run.stdout()).contains("cert inspect - ", "--cert FILE", "--password-file FILE",
                "--warn-days N", "(default 30)", "Examples:", "cert inspect --cert leaf.pem --key leaf.key");
        CertInspectCommand command = new CertInspectCommand(new CertInspector(CLOCK, Environment.of(Map.of())),
                Environment.of(Map.of()), new Metrics());
        assertThat(command.optionSpecs()).filteredOn(o -> List.of("cert", "key", "chain", "trust", "password-file")
                .contains(o.name())).allMatch(o -> o.kind() == io.gctls.shell.OptionSpec.Kind.FILE).hasSize(5);
        assertThat(command.getGroup()).isEqualTo("Certificates");
    }
}
