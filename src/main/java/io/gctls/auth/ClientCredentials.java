package io.gctls.auth;

import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An OAuth client id and, when one was found, its secret. A missing secret is not an error until
 * a login needs it: a one-shot run with a cached token has no use for it. The secret is
 * registered with {@link Secrets} so that it is masked wherever it might be printed, and
 * {@link #toString()} never shows it.
 *
 * @param source where the secret came from ("GENESYSCLOUD_OAUTHCLIENT_SECRET"), or how to give one when missing
 */
public record ClientCredentials(String clientId, String secret, String source) {

    /** The source of the sandbox's fixed, published client: its "secret" is printed on purpose. */
    public static final String PUBLIC_SANDBOX = "the built-in sandbox (fixed, public credentials)";

    public ClientCredentials {
        if (!PUBLIC_SANDBOX.equals(source)) {
            Secrets.registerClientSecret(clientId, secret);
        }
    }

    public static ClientCredentials withoutSecret(String clientId, String howToGiveOne) {
        return new ClientCredentials(clientId, null, howToGiveOne);
    }

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }

    public Optional<String> secretSource() {
        return hasSecret() ? Optional.of(source) : Optional.empty();
    }

    public ClientCredentials withSecret(String typed, String newSource) {
        return new ClientCredentials(clientId, typed, newSource);
    }

    /** {@code Basic base64(id:secret)} as the Genesys login service wants it. */
    String basicAuthorization() {
        if (!hasSecret()) {
            throw new GctlsException(ExitCode.AUTH, "cannot log in as client " + clientId + ": no client secret ("
                    + source + ")");
        }
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=" + (hasSecret() ? Secrets.MASK : "none") + "]";
    }
}
