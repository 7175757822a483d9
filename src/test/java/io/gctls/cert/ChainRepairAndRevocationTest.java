package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Cancellation;
import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import io.gctls.payload.PayloadBuilder;
import io.gctls.sandbox.OcspResponder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AIA chain repair and OCSP/CRL revocation, on the fixtures and a network without sockets. */
class ChainRepairAndRevocationTest {

    @TempDir
    Path cache;

    private final FixtureNetwork network = new FixtureNetwork(Fixtures.CLOCK);

    private CertInspector inspector(Network through, Optional<Path> aiaCache) {
        return new CertInspector(Fixtures.CLOCK, Environment.of(Map.of()), TrustAnchors::jdkDefault, through, aiaCache);
    }

    private static InspectRequest aia() {
        return InspectRequest.of(Fixtures.file("aia/leaf.pem")).withKey(Fixtures.file("aia/leaf.key"))
                .withTrust(Fixtures.file("pki/root-ca.pem")).withDomain("www.example.com");
    }

    private static InspectRequest revocation(String leaf) {
        return InspectRequest.of(Fixtures.file("revocation/" + leaf)).withChain(Fixtures.file("revocation/chain.pem"))
                .withTrust(Fixtures.file("pki/root-ca.pem"));
    }

    // ------------------------------------------------------------------------------------- AIA

    @Test
    void missingIntermediatesAreFetchedAndThePayloadCarriesThem() {
        Inspection inspection = inspector(network, Optional.empty()).inspect(aia(), Prompter.none());

        assertThat(inspection.report().codes()).containsExactly("chain-completed-from-aia");
        Finding finding = inspection.report().findings().get(0);
        assertThat(finding.message()).contains("'gctls Test AIA EC Intermediate', 'gctls Test AIA RSA Intermediate'")
                .contains("http://aia.gctls.test/aia-int-ec.der").contains("http://aia.gctls.test/aia-int-rsa.p7c");
        assertThat(network.requests).containsExactly("GET http://aia.gctls.test/aia-int-ec.der",
                "GET http://aia.gctls.test/aia-int-rsa.p7c");
        CertificateBundle bundle = inspection.bundle().orElseThrow();
        assertThat(bundle.servingChain()).extracting(Certs::label)
                .containsExactly("gctls Test AIA EC Intermediate", "gctls Test AIA RSA Intermediate");
        assertThat(bundle.fetched()).extracting(CertificateBundle.Fetched::url)
                .containsExactly("http://aia.gctls.test/aia-int-ec.der", "http://aia.gctls.test/aia-int-rsa.p7c");
        assertThat(PayloadBuilder.fixups(inspection)).anyMatch(f -> f.startsWith(
                "added 'gctls Test AIA EC Intermediate', fetched from http://aia.gctls.test/aia-int-ec.der (AIA)"));
        assertThat(inspection.report().certificates()).extracting(CertificateDetails::role)
                .containsExactly("leaf", "anchor");
        assertThat(inspection.report().network().fetches()).extracting(NetworkReport.Fetch::purpose)
                .containsExactly("CA Issuers", "CA Issuers");
    }

    @Test
    void aSuppliedChainNeedsNoFetch() {
        inspector(network, Optional.empty()).inspect(aia().withChain(Fixtures.file("aia/chain.pem")), Prompter.none());
        assertThat(network.requests).isEmpty();
    }

    @Test
    void offlineFetchesNothingAndSaysWhichUrlItLeftOut() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(aia().withOffline(true),
                Prompter.none()).report();
        assertThat(network.requests).isEmpty();
        assertThat(report.codes()).containsExactly("chain-incomplete");
        assertThat(report.findings().get(0).message())
                .contains("(--offline: its CA Issuers URL http://aia.gctls.test/aia-int-ec.der was not fetched)");
        assertThat(report.network().offline()).isTrue();
        assertThat(report.network().skipped()).containsExactly("http://aia.gctls.test/aia-int-ec.der");
    }

    @Test
    void aFailedFetchIsNamedInTheChainIncompleteFinding() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(InspectRequest.of(
                Fixtures.file("aia/leaf-broken-url.pem")).withTrust(Fixtures.file("pki/root-ca.pem")), Prompter.none())
                .report();
        assertThat(report.codes()).containsExactly("chain-incomplete");
        assertThat(report.findings().get(0).message())
                .contains("fetching it from its CA Issuers URL http://aia.gctls.test/missing.der failed: HTTP 404");
    }

    @Test
    void fetchedIssuersAreCachedSoTheNextRunNeedsNoNetwork() {
        inspector(network, Optional.of(cache)).inspect(aia(), Prompter.none());
        Network down = new Network() {
            @Override
            public Response get(URI uri, int maxBytes, Cancellation c) throws IOException {
                throw new IOException("connection refused");
            }

            @Override
            public Response post(URI uri, String type, byte[] body, int maxBytes, Cancellation c) throws IOException {
                throw new IOException("connection refused");
            }
        };
        InspectionReport again = inspector(down, Optional.of(cache)).inspect(aia(), Prompter.none()).report();
        assertThat(again.codes()).containsExactly("chain-completed-from-aia");
        assertThat(again.network().fetches()).allSatisfy(f -> assertThat(f.outcome()).endsWith("(cached)"));
    }

    @Test
    void noUrlIsFetchedTwiceAndTheDepthIsBounded() {
        // a CA Issuers URL that always answers with an unrelated certificate: no issuer, no loop
        Network unrelated = new Network() {
            int calls;

            @Override
            public Response get(URI uri, int maxBytes, Cancellation c) throws IOException {
                calls++;
                assertThat(calls).isLessThanOrEqualTo(CertInspector.MAX_AIA_FETCHES);
                return new Response(200, "", java.nio.file.Files.readAllBytes(Fixtures.file("pki/other-int.pem")));
            }

            @Override
            public Response post(URI uri, String type, byte[] body, int maxBytes, Cancellation c) throws IOException {
                throw new IOException("connection refused");
            }
        };
        InspectionReport report = inspector(unrelated, Optional.empty()).inspect(aia(), Prompter.none()).report();
        assertThat(report.codes()).containsExactly("chain-incomplete");
        assertThat(report.findings().get(0).message()).contains("holds no certificate that issued it");
        assertThat(report.network().fetches()).hasSize(1);
    }

    // ------------------------------------------------------------------------------ revocation

    @Test
    void ocspGoodShowsInTheDetailsAndRaisesNothing() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(revocation("good.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).isEmpty();
        assertThat(report.certificates().get(0).revocation()).isEqualTo("good (OCSP)");
        assertThat(report.certificates().get(1).revocation()).isEqualTo("not checked: no OCSP or CRL location");
        assertThat(network.requests).containsExactly("POST http://ocsp.gctls.test/");
    }

    @Test
    void aRevokedLeafIsAnErrorWithReasonAndDate() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(revocation("revoked.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).containsExactly("revoked");
        assertThat(report.findings().get(0).message()).contains("OCSP says so (keyCompromise), revoked on 2025-06-01");
        assertThat(report.findings().get(0).index()).isZero();
        InspectionReport crl = inspector(network, Optional.empty()).inspect(revocation("revoked-crl-only.pem"),
                Prompter.none()).report();
        assertThat(crl.findings().get(0).message()).contains("CRL says so (superseded)");
    }

    @Test
    void aResponderThatIsDownIsAWarningSayingWhy() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(revocation("responder-down.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).containsExactly("revocation-unknown");
        assertThat(report.findings().get(0).message())
                .contains("the OCSP responder http://ocsp-down.gctls.test/ is unreachable (connection refused)");
        assertThat(inspector(network, Optional.empty()).inspect(revocation("down-crl-good.pem"), Prompter.none())
                .report().certificates().get(0).revocation()).isEqualTo("good (CRL)");
    }

    @Test
    void anAnswerSignedByAnUnauthorisedResponderIsNotTrusted() throws Exception {
        // signed by the unrelated hierarchy's key, presenting its certificate
        X509Certificate issuer = FixtureNetwork.load("pki/rev-int.pem");
        OcspResponder impostor = new OcspResponder(issuer, FixtureNetwork.load("pki/other-int.pem"),
                FixtureNetwork.key("pki/other-int.key"), serial -> OcspResponder.Status.GOOD, Fixtures.CLOCK);
        InspectionReport report = inspector(responding(impostor), Optional.empty()).inspect(revocation("good.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).containsExactly("revocation-unknown");
        assertThat(report.findings().get(0).message()).contains("unauthorised responder");
    }

    @Test
    void aDelegatedResponderWithOcspSigningIsTrusted() throws Exception {
        X509Certificate issuer = FixtureNetwork.load("pki/rev-int.pem");
        OcspResponder delegated = new OcspResponder(issuer, FixtureNetwork.load("pki/rev-ocsp.pem"),
                FixtureNetwork.key("pki/rev-ocsp.key"), serial -> OcspResponder.Status.GOOD, Fixtures.CLOCK);
        InspectionReport report = inspector(responding(delegated), Optional.empty()).inspect(revocation("good.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).as(report.findings().toString()).isEmpty();
        assertThat(report.certificates().get(0).revocation()).isEqualTo("good (OCSP)");
    }

    @Test
    void aStaleAnswerIsNotTrusted() throws Exception {
        X509Certificate issuer = FixtureNetwork.load("pki/rev-int.pem");
        OcspResponder stale = new OcspResponder(issuer, issuer, FixtureNetwork.key("pki/rev-int.key"),
                serial -> OcspResponder.Status.GOOD, Clock.offset(Fixtures.CLOCK, Duration.ofDays(-3)));
        InspectionReport report = inspector(responding(stale), Optional.empty()).inspect(revocation("good.pem"),
                Prompter.none()).report();
        assertThat(report.codes()).containsExactly("revocation-unknown");
        assertThat(report.findings().get(0).message()).contains("stale answer");
    }

    @Test
    void aReplayedAnswerWithAnotherNonceIsNotTrusted() throws Exception {
        X509Certificate issuer = FixtureNetwork.load("pki/rev-int.pem");
        OcspResponder responder = new OcspResponder(issuer, issuer, FixtureNetwork.key("pki/rev-int.key"),
                serial -> OcspResponder.Status.GOOD, Fixtures.CLOCK);
        byte[][] first = new byte[1][];
        Network replaying = new Network() {
            @Override
            public Response get(URI uri, int maxBytes, Cancellation c) throws IOException {
                throw new IOException("connection refused");
            }

            @Override
            public Response post(URI uri, String type, byte[] body, int maxBytes, Cancellation c) {
                if (first[0] == null) {
                    first[0] = responder.respond(body);
                }
                return new Response(200, "application/ocsp-response", first[0]);
            }
        };
        CertInspector inspector = inspector(replaying, Optional.empty());
        assertThat(inspector.inspect(revocation("good.pem"), Prompter.none()).report().codes()).isEmpty();
        InspectionReport replayed = inspector.inspect(revocation("good.pem"), Prompter.none()).report();
        assertThat(replayed.codes()).containsExactly("revocation-unknown");
        assertThat(replayed.findings().get(0).message()).contains("another request's nonce");
    }

    @Test
    void aStapledAnswerIsJudgedWithoutAFetch() throws Exception {
        X509Certificate issuer = FixtureNetwork.load("pki/rev-int.pem");
        X509Certificate leaf = FixtureNetwork.load("revocation/revoked.pem");
        OcspResponder responder = new OcspResponder(issuer, issuer, FixtureNetwork.key("pki/rev-int.key"),
                serial -> serial.equals(leaf.getSerialNumber())
                        ? new OcspResponder.Status.Revoked(java.time.Instant.parse("2025-06-01T00:00:00Z"), 1)
                        : OcspResponder.Status.GOOD, Fixtures.CLOCK);
        byte[] staple = responder.respond(new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(
                new org.bouncycastle.cert.ocsp.CertificateID(new org.bouncycastle.operator.jcajce
                        .JcaDigestCalculatorProviderBuilder().build().get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
                        new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(issuer), leaf.getSerialNumber()))
                .build().getEncoded());
        Material served = Material.served("www.example.com:443", List.of(leaf, issuer),
                Material.readTrust(Optional.of(Fixtures.file("pki/root-ca.pem")), Cancellation.never()),
                Optional.of(staple));
        InspectionReport report = inspector(network, Optional.empty()).inspect(served,
                InspectOptions.forDomain("www.example.com", 30).offline(true), Prompter.none(), Cancellation.never())
                .report();
        assertThat(report.codes()).containsExactly("revoked");
        assertThat(report.findings().get(0).message()).contains("stapled OCSP says so (keyCompromise)");
        assertThat(network.requests).isEmpty();
    }

    @Test
    void aCertificateWithoutLocationsRaisesNothingAndTouchesNoNetwork() {
        InspectionReport report = inspector(network, Optional.empty()).inspect(InspectRequest.of(
                Fixtures.file("chain/leaf.pem")).withChain(Fixtures.file("chain/chain.pem"))
                .withTrust(Fixtures.file("pki/root-ca.pem")), Prompter.none()).report();
        assertThat(report.findings()).isEmpty();
        assertThat(network.requests).isEmpty();
    }

    private static Network responding(OcspResponder responder) {
        return new Network() {
            @Override
            public Response get(URI uri, int maxBytes, Cancellation c) throws IOException {
                throw new IOException("connection refused");
            }

            @Override
            public Response post(URI uri, String type, byte[] body, int maxBytes, Cancellation c) {
                return new Response(200, "application/ocsp-response", responder.respond(body));
            }
        };
    }
}
