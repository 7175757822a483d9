package io.gctls.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forms a secret is recognised in: as is, escaped, encoded, as a Basic value, in pieces. */
class SecretsTest {

    @BeforeEach
    @AfterEach
    void forget() {
        Secrets.clearForTests();
    }

    @Test
    void theBasicValueMadeFromTheClientSecretIsMasked() {
        Secrets.registerClientSecret("client-1", "the/client+secret");
        String basic = Base64.getEncoder().encodeToString("client-1:the/client+secret".getBytes(StandardCharsets.UTF_8));
        assertThat(Secrets.redact("Authorization: Basic " + basic)).isEqualTo("Authorization: Basic ****");
    }

    @Test
    void escapedAndEncodedFormsAreMasked() {
        Secrets.register("se\"cr/et+value");
        assertThat(Secrets.redact("json se\\\"cr\\/et+value")).isEqualTo("json ****");
        assertThat(Secrets.redact("json se\\\"cr/et+value")).isEqualTo("json ****");
        assertThat(Secrets.redact("form secret=se%22cr%2Fet%2Bvalue")).isEqualTo("form secret=****");
    }

    @Test
    void aPieceOfASecretInTheMiddleOfTextIsMaskedWhenItIsLongEnough() {
        Secrets.register("tok-5f0c9a1e2b7d4c3a8e6f1029384756ab");
        assertThat(Secrets.redactCutText("seen 5f0c9a1e2b7d4c3a8e6f (cut)")).isEqualTo("seen **** (cut)");
        assertThat(Secrets.redactCutText("key=5f0c9a1e2b7d4c3a8e6f")).isEqualTo("key=****");
        assertThat(Secrets.redactCutText("seen 5f0c9a1e (short)")).isEqualTo("seen 5f0c9a1e (short)");
        // gctls's own output is held to whole values only: a client id inside its secret stays visible
        Secrets.register("gctls-sandbox-secret");
        assertThat(Secrets.redact("client gctls-sandbox")).isEqualTo("client gctls-sandbox");
    }

    @Test
    void aShortPieceIsMaskedWhereSomeoneElsesCutLeftIt() {
        Secrets.register("tok-5f0c9a1e2b7d4c3a8e6f1029384756ab");
        assertThat(Secrets.redactCutText("Bearer tok-5f0c...")).isEqualTo("Bearer ****...");
        assertThat(Secrets.redactCutText("756ab is not valid")).isEqualTo("**** is not valid");
        assertThat(Secrets.redactCutText("Bearer tok-5f0c is fine in the middle")).contains("tok-5f0c");
    }

    @Test
    void ordinaryWordsAreNotSecrets() {
        Secrets.register("abc");
        Secrets.register("correct-horse-battery");
        assertThat(Secrets.redact("abc def correct horse")).isEqualTo("abc def correct horse");
    }
}
