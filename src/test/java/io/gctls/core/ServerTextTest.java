package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is dropped from a server's text, and what is left alone. */
class ServerTextTest {

    private static final String BODY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgq3V1bH5n0d6Ry1vW\n"
            + "x9Jp2f0aYbRk6sE8mQw7t4ShRANCAAR1h3Jz8tq5bmVx0Jb1Yw2qGf9a0kLx3e7p\n"
            + "dQ3XkZ7v9yM2==";
    private static final String PEM = "-----BEGIN PRIVATE KEY-----\n" + BODY + "\n-----END PRIVATE KEY-----";

    @BeforeEach
    @AfterEach
    void forget() {
        Secrets.clearForTests();
    }

    @Test
    void aWholeBlockIsDroppedAndNamed() {
        assertThat(ServerText.clean("bad key " + PEM + " in request")).isEqualTo("bad key [PEM PRIVATE KEY removed] in request");
    }

    @Test
    void aBlockWithJsonEscapedLineBreaksIsDroppedToo() {
        String escaped = PEM.replace("\n", "\\n");
        assertThat(ServerText.clean("{\"privateKey\":\"" + escaped + "\"}")).isEqualTo("{\"privateKey\":\"[PEM PRIVATE KEY removed]\"}");
    }

    @Test
    void aBeginLineWithHalfABodyIsDroppedToTheEnd() {
        String half = PEM.substring(0, PEM.indexOf("x9Jp") + 10);
        assertThat(ServerText.clean("echo: " + half)).isEqualTo("echo: [PEM PRIVATE KEY removed]");
        assertThat(ServerText.clean("echo: -----BEGIN PRIV")).isEqualTo("echo: [PEM PRIV removed]");
    }

    @Test
    void aBodyWithoutItsBeginLineIsDroppedUpToItsEnd() {
        String headless = PEM.substring(PEM.indexOf("x9Jp"));
        assertThat(ServerText.clean("echo: " + headless + " done")).isEqualTo("echo: [PEM PRIVATE KEY removed] done");
        String cutEnd = BODY + "\n-----EN";
        assertThat(ServerText.clean("echo: " + cutEnd)).isEqualTo("echo: [PEM removed]");
    }

    @Test
    void aLegacyEncryptedKeyIsDroppedWithItsHeaders() {
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,0A1B2C3D4E5F\n\n"
                + BODY + "\n-----END RSA PRIVATE KEY-----";
        assertThat(ServerText.clean(legacy)).isEqualTo("[PEM RSA PRIVATE KEY removed]");
    }

    @Test
    void aLongBase64RunWithoutArmourIsDropped() {
        String run = BODY.replace("\n", "");
        assertThat(ServerText.clean("token " + run + " rejected")).isEqualTo("token [" + run.length()
                + " base64 characters removed] rejected");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "The certificate chain is not accepted (contextId 3fa85f64-5717-4562-b3fc-2c963f66afa6);"
                + " see https://developer.genesys.cloud/api/rest/v2/ ----------- back-END SERVICE";
        assertThat(ServerText.clean(text)).isEqualTo(text);
    }

    @Test
    void secretsAreMaskedBeforeTheCutSoTheCutCannotSplitOne() {
        String secret = "a-long-client-secret-value";
        Secrets.register(secret);
        String message = "x".repeat(5) + " " + "word ".repeat(57) + secret;
        for (int max = 4; max < message.length() + 5; max++) {
            String shown = ServerText.clean(message, max);
            assertThat(shown.length()).isLessThanOrEqualTo(max);
            assertThat(shown).doesNotContain("a-long-cli").doesNotContain("secret-value");
        }
    }
}
