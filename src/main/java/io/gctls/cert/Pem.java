package io.gctls.cert;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM encoding through Bouncy Castle's writer (64-column base64, LF line ends). */
public final class Pem {

    private Pem() {
    }

    public static String encode(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be re-encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    static String encode(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
