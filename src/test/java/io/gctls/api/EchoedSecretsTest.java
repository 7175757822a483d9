package io.gctls.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.auth.ClientCredentials;
import io.gctls.auth.Token;
import io.gctls.cert.SensitivePem;
import io.gctls.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that echoes what it was sent (the Basic header, the token, the request body with the
 * private key) must not get any of it printed, wherever the echo or gctls's own cut of it ends.
 * Every cut length is tried: the server's echo cut short at each character, and the echo moved
 * along so that gctls's cut of a long message falls on each character of each secret.
 */
class EchoedSecretsTest {

    private static final String CLIENT_ID = "client-echo";
    private static final String SECRET = "s3cr3t-Echo-Value-9x";
    private static final String TOKEN = "tok-5f0c9a1e2b7d4c3a8e6f1029384756ab";
    /** Shorter windows than this occur in ordinary text by chance; 8 base64 characters are 6 bytes. */
    private static final int WINDOW = 8;

    private String keyPem;
    private String basic;
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void registerAsTheProductDoes() throws Exception {
        Secrets.clearForTests();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        keyPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
        new SensitivePem(keyPem);
        new ClientCredentials(CLIENT_ID, SECRET, "test");
        new Token(TOKEN, "bearer", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "login");
        basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        secrets.add(SECRET);
        secrets.add(TOKEN);
        // the Basic value's first 16 characters encode "client-echo:" and so say nothing secret
        secrets.add(basic.substring(16));
        secrets.add(Base64.getEncoder().encodeToString(pkcs8));
        keyPem.lines().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
    }

    @AfterEach
    void forget() {
        Secrets.clearForTests();
    }

    /** What the server echoes: headers and the request body, JSON inside its message, as some servers do. */
    private String echo() {
        String requestBody = "{\"domain\":\"www.example.com\",\"privateKey\":" + jsonString(keyPem) + "}";
        return "bad request. Authorization: Basic " + basic + " Bearer " + TOKEN + " secret=" + SECRET + " body "
                + requestBody;
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String errorBody(String message) {
        return "{\"message\":" + jsonString(message) + ",\"code\":\"bad.request\",\"status\":400,"
                + "\"contextId\":\"ctx-echo\",\"details\":[{\"errorCode\":" + jsonString(message) + "}]}";
    }

    private String shown(String message) {
        RawResponse response = RawResponse.of(400, errorBody(message), Map.of());
        return ApiException.refused("POST /api/v2/customdomains", response, List.of()).getMessage() + "\n"
                + ApiError.from(response).summary() + "\n" + Secrets.redact(ApiError.from(response).message());
    }

    private void assertNothingSecretIn(String output, String what) {
        for (String secret : secrets) {
            for (int i = 0; i + WINDOW <= secret.length(); i++) {
                String window = secret.substring(i, i + WINDOW);
                assertThat(output).as(what + ": a piece of a secret (" + window + ") in:\n" + output)
                        .doesNotContain(window);
            }
        }
        assertThat(output).as(what).doesNotContain("PRIVATE KEY-----\\n" + keyPem.substring(28, 30));
    }

    @Test
    void theServersEchoCutShortAtEveryLengthShowsNothingSecret() {
        String echo = echo();
        for (int length = 0; length <= echo.length(); length++) {
            assertNothingSecretIn(shown(echo.substring(0, length)), "echo cut at " + length);
        }
    }

    @Test
    void theServersEchoWithItsFrontCutOffAtEveryLengthShowsNothingSecret() {
        String echo = echo();
        for (int start = 0; start < echo.length(); start++) {
            assertNothingSecretIn(shown(echo.substring(start)), "echo from " + start);
        }
    }

    @Test
    void gctlsOwnCutOfALongMessageFallsOnEveryCharacterAndShowsNothingSecret() {
        String echo = echo();
        for (int pad = 0; pad <= 300; pad++) {
            assertNothingSecretIn(shown("x ".repeat(pad / 2) + "y".repeat(pad % 2) + " " + echo), "padded by " + pad);
        }
    }

    @Test
    void aKeyEchoedWithRealLineBreaksOrInOneLineIsDroppedToo() {
        String body = keyPem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        for (String message : List.of("your key: " + keyPem, "your key: " + body, "key " + keyPem.replace("\n", "\r\n"),
                keyPem.substring(keyPem.indexOf('\n') + 1))) {
            for (int length = 0; length <= message.length(); length++) {
                assertNothingSecretIn(shown(message.substring(0, length)), "cut at " + length + " of " + message);
            }
        }
    }
}
