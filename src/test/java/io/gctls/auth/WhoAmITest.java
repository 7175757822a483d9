package io.gctls.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoAmITest {

    private static String jwt(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void theScopeClaimOfAJwtIsRead() {
        assertThat(WhoAmI.jwtScope(jwt("{\"scope\":\"a b  c\"}"))).contains(List.of("a", "b", "c"));
        assertThat(WhoAmI.jwtScope(jwt("{\"scope\":[\"x\",\"y\"]}"))).contains(List.of("x", "y"));
        assertThat(WhoAmI.jwtScope(jwt("{\"sub\":\"me\"}"))).contains(List.of());
    }

    @Test
    void anOpaqueTokenHasNoClaims() {
        assertThat(WhoAmI.jwtScope("2YotnFZFEjr1zCsicMWpAA")).isEmpty();
        assertThat(WhoAmI.jwtScope("not.a.jwt")).isEmpty();
    }
}
