package io.gctls.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Secrets;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputTest {

    @AfterEach
    void forget() {
        Secrets.clearForTests();
    }

    @Test
    void registeredSecretsAreMaskedOnBothStreamsEvenWhenWrittenInPieces() {
        Secrets.register("s3cr3t-value-xyz");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Output output = new Output(out, err, OutputFormat.TEXT, false);
        output.out().print("token=s3cr3t-");
        output.out().print("value-xyz and more");
        output.out().println();
        output.note("failed with s3cr3t-value-xyz");
        output.flush();
        assertThat(out.toString()).isEqualTo("token=**** and more" + System.lineSeparator());
        assertThat(err.toString()).contains("failed with ****").doesNotContain("s3cr3t");
    }

    @Test
    void pemBodiesAreMaskedLineByLine() {
        Secrets.registerPem("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n");
        assertThat(Secrets.redact("x MIIEvQIBADANBgkqhkiG9w0BAQEFAASC y")).isEqualTo("x **** y");
        assertThat(Secrets.redact("-----BEGIN PRIVATE KEY-----")).isEqualTo("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void noColourMeansNoEscapes() {
        StringWriter out = new StringWriter();
        Output plain = new Output(out, out, OutputFormat.TEXT, false);
        assertThat(plain.style().error("x")).isEqualTo("x");
        Output coloured = new Output(out, out, OutputFormat.TEXT, true);
        assertThat(coloured.style().error("x")).contains("\u001B[");
        assertThat(coloured.withFormat(OutputFormat.JSON).style().error("x")).isEqualTo("x");
    }
}
