package io.gctls.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's one routing table: method and path pattern to a {@link Handler}. Each API area
 * registers its routes once ({@link Area#register}); the router looks a request up here after
 * faults, authentication and the rate limit. Open routes (the login, and anything a client reaches
 * without a bearer token) skip authentication and the rate limit.
 *
 * <p>Path patterns are regular expressions over the path without its query string; each capturing
 * group becomes a {@link Call#pathParameter(int) path parameter}, e.g.
 * {@code "/api/v2/customdomains/([^/]+)"}.
 */
final class Routes {

    /** Answers one request; throws {@link ApiError} to answer a Genesys error. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    /** One API area of the emulator: it adds its routes to the table when the emulator is built. */
    interface Area {
        void register(Routes routes);
    }

    private record Route(String method, Pattern path, boolean open, Handler handler) {
    }

    /** A route that matched, with the path's captured groups. */
    record Match(boolean open, Handler handler, List<String> pathParameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** A route that needs a live bearer token and counts against the token's rate limit. */
    Routes add(String method, String pathPattern, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathPattern), false, handler));
        return this;
    }

    /** A route reached without a bearer token and outside the rate limit. */
    Routes addOpen(String method, String pathPattern, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathPattern), true, handler));
        return this;
    }

    /** The first route for this method and path, in registration order. */
    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= matcher.groupCount(); i++) {
                    groups.add(matcher.group(i));
                }
                return Optional.of(new Match(route.open(), route.handler(), List.copyOf(groups)));
            }
        }
        return Optional.empty();
    }

    /** Whether some open route has this path, whatever its method (a wrong method there is a 404 without a token). */
    boolean openPath(String path) {
        return routes.stream().anyMatch(route -> route.open() && route.path().matcher(path).matches());
    }
}
