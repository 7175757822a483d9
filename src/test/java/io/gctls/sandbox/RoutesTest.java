package io.gctls.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The routing table: method and whole-path match, captured path parameters, open routes, first match wins. */
class RoutesTest {

    private static final Routes.Handler A = call -> Reply.noContent();
    private static final Routes.Handler B = call -> Reply.noContent();

    @Test
    void matchesMethodAndWholePathAndCapturesParameters() {
        Routes routes = new Routes().add("GET", "/api/v2/things/([^/]+)", A).addOpen("POST", "/login", B);

        assertThat(routes.match("GET", "/api/v2/things/42")).hasValueSatisfying(match -> {
            assertThat(match.handler()).isSameAs(A);
            assertThat(match.open()).isFalse();
            assertThat(match.pathParameters()).containsExactly("42");
        });
        assertThat(routes.match("PUT", "/api/v2/things/42")).isEmpty();
        assertThat(routes.match("GET", "/api/v2/things/42/more")).isEmpty();
        assertThat(routes.match("POST", "/login")).hasValueSatisfying(match -> assertThat(match.open()).isTrue());
        assertThat(routes.openPath("/login")).isTrue();
        assertThat(routes.openPath("/api/v2/things/42")).isFalse();
    }

    @Test
    void theFirstRegisteredRouteWins() {
        Routes routes = new Routes().add("GET", "/x/special", A).add("GET", "/x/([^/]+)", B);

        assertThat(routes.match("GET", "/x/special").orElseThrow().handler()).isSameAs(A);
        assertThat(routes.match("GET", "/x/other").orElseThrow().handler()).isSameAs(B);
    }
}
