package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browsers' rules apply only to paths that end at a system trust-store anchor. The "system" store
 * here is a test-only one holding the fixtures' root, so that the same leaves can be judged as
 * public (no --trust) and as private (--trust root).
 */
class PublicWebRulesTest {

    @TempDir
    Path tmp;

    /** Judged the day after the leaf's notBefore: the rules depend on the day of issue, not on today. */
    private static CertInspector publicWeb(TestPki.Minted leaf) {
        Clock clock = Clock.fixed(leaf.certificate().getNotBefore().toInstant().plusSeconds(86_400), ZoneOffset.UTC);
        return new CertInspector(clock, Environment.of(Map.of()), () -> TrustAnchors.system(
                List.of(TestPki.issuer("root-ca").certificate()), "the system trust store (test)"),
                new FixtureNetwork(clock), Optional.empty());
    }

    private List<String> codes(TestPki.Minted leaf, boolean privateRoot) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        TestPki.write(leaf, dir);
        InspectRequest request = InspectRequest.of(dir.resolve("leaf.pem")).withChain(dir.resolve("chain.pem"))
                .withKey(dir.resolve("leaf.key"));
        if (privateRoot) {
            request = request.withTrust(Fixtures.file("pki/root-ca.pem"));
        }
        return publicWeb(leaf).inspect(request, Prompter.none()).report().findings().stream()
                .map(f -> f.severity() + " " + f.code()).toList();
    }

    private static TestPki.Minted leaf(String from, int days, int scts, GeneralName... sans) {
        Instant notBefore = Instant.parse(from + "T00:00:00Z");
        return TestPki.leaf(TestPki.rsaIntermediate(), notBefore, notBefore.plusSeconds(days * 86_400L - 1), scts,
                sans.length == 0 ? new GeneralName[] {new GeneralName(GeneralName.dNSName, "www.example.com")} : sans);
    }

    @Test
    void appleRefusesMoreThan398DaysForLeavesIssuedFromSeptember2020() throws Exception {
        assertThat(codes(leaf("2029-09-01", 399, 3), false)).containsExactly("ERROR validity-too-long");
        assertThat(codes(leaf("2025-01-01", 398, 3), false)).isEmpty();
        // issued before Apple's rule (judged directly: the fixtures' intermediates are younger than that)
        assertThat(PublicWebRules.check(leaf("2020-08-31", 800, 3).certificate())).isEmpty();
        assertThat(codes(leaf("2029-09-01", 399, 3), true)).isEmpty(); // a private root: no browser rules
    }

    @Test
    void sc081WarnsOverTheMaximumInForceOnTheDayOfIssue() throws Exception {
        assertThat(codes(leaf("2026-04-01", 250, 3), false)).containsExactly("WARN validity-too-long");
        assertThat(codes(leaf("2026-04-01", 200, 3), false)).isEmpty();
        assertThat(codes(leaf("2027-04-01", 101, 2), false)).containsExactly("WARN validity-too-long");
        assertThat(codes(leaf("2029-04-01", 48, 2), false)).containsExactly("WARN validity-too-long");
        assertThat(codes(leaf("2029-04-01", 47, 2), false)).isEmpty();
        assertThat(codes(leaf("2026-03-14", 300, 3), false)).isEmpty(); // before SC-081's first step
    }

    @Test
    void ctPoliciesAskForTwoSctsUpTo180DaysAndThreeAbove() throws Exception {
        assertThat(codes(leaf("2025-06-01", 90, 2), false)).isEmpty();
        assertThat(codes(leaf("2025-06-01", 90, 1), false)).containsExactly("WARN too-few-scts");
        assertThat(codes(leaf("2025-06-01", 90, 0), false)).containsExactly("WARN too-few-scts");
        assertThat(codes(leaf("2025-01-01", 200, 2), false)).containsExactly("WARN too-few-scts");
        assertThat(codes(leaf("2025-01-01", 200, 3), false)).isEmpty();
        assertThat(codes(leaf("2025-06-01", 90, 0), true)).isEmpty();
    }

    @Test
    void internalNamesAndReservedAddressesAreRefused() throws Exception {
        GeneralName www = new GeneralName(GeneralName.dNSName, "www.example.com");
        assertThat(codes(leaf("2025-06-01", 90, 2, www, new GeneralName(GeneralName.dNSName, "intranet.corp")), false))
                .containsExactly("ERROR san-internal-name");
        assertThat(codes(leaf("2025-06-01", 90, 2, www, new GeneralName(GeneralName.iPAddress, "10.1.2.3")), false))
                .containsExactly("ERROR san-internal-name");
        assertThat(codes(leaf("2025-06-01", 90, 2, www, new GeneralName(GeneralName.iPAddress, "8.8.8.8"),
                new GeneralName(GeneralName.dNSName, "*.example.co.uk")), false)).isEmpty();
        assertThat(codes(leaf("2025-06-01", 90, 2, www, new GeneralName(GeneralName.dNSName, "intranet.corp")), true))
                .isEmpty();
        assertThat(PublicWebRules.reservedRange("192.168.1.1")).contains("192.168.0.0/16");
        assertThat(PublicWebRules.reservedRange("2001:db8::1")).contains("2001:db8::/32");
        assertThat(PublicWebRules.reservedRange("2606:4700::1111")).isEmpty();
        assertThat(PublicWebRules.internal("host.local")).isTrue();
        assertThat(PublicWebRules.internal("www.bücher.example")).isTrue();
        assertThat(PublicWebRules.internal("www.example.de")).isFalse();
    }

    @Test
    void theSentencesNameTheRuleAndItsDate() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        TestPki.Minted minted = leaf("2027-04-01", 150, 2);
        TestPki.write(minted, dir);
        Finding finding = publicWeb(minted).inspect(InspectRequest.of(dir.resolve("leaf.pem")).withChain(dir.resolve("chain.pem")),
                Prompter.none()).report().findings().get(0);
        assertThat(finding.message()).contains("150 days").contains("SC-081").contains("100 days")
                .contains("2027-03-15");
        assertThat(finding.data()).containsEntry("limit", "100").containsEntry("since", "2027-03-15");
    }
}
