package io.gctls.sandbox;

import java.util.Base64;

/**
 * The sandbox's CA Issuers and OCSP endpoints for {@link SandboxPki}: {@code GET /pki/NAME.der} (the
 * root or the intermediate, DER) and OCSP both ways RFC 6960 allows, {@code POST /ocsp} and
 * {@code GET /ocsp/BASE64}. Open routes: no token, no rate limit, as a CA's are.
 */
final class PkiHandler implements Routes.Area {

    private final SandboxPki pki;

    PkiHandler(SandboxPki pki) {
        this.pki = pki;
    }

    @Override
    public void register(Routes routes) {
        routes.addOpen("GET", "/pki/([a-z]+)\\.der", call -> pki.der(call.pathParameter(0))
                .map(der -> Reply.bytes(200, "application/pkix-cert", der))
                .orElseThrow(() -> ApiError.notFound("The sandbox's CA has no certificate " + call.path())));
        routes.addOpen("POST", "/ocsp/?", call -> ocsp(call.bodyBytes()));
        routes.addOpen("GET", "/ocsp/(.+)", call -> ocsp(Base64.getDecoder().decode(
                java.net.URLDecoder.decode(call.pathParameter(0), java.nio.charset.StandardCharsets.US_ASCII))));
    }

    private Reply ocsp(byte[] request) {
        return Reply.bytes(200, "application/ocsp-response", pki.responder().respond(request));
    }
}
