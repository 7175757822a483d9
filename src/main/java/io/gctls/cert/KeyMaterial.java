package io.gctls.cert;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** A private key as found in a file, before any password is asked for. */
sealed interface KeyMaterial {

    /** What the file held, for messages: "PKCS#1", "encrypted PKCS#8", ... */
    String format();

    record Plain(PrivateKeyInfo info, String format) implements KeyMaterial {
    }

    record EncryptedPkcs8(PKCS8EncryptedPrivateKeyInfo info) implements KeyMaterial {
        @Override
        public String format() {
            return "encrypted PKCS#8";
        }
    }

    /**
     * A PKCS#12 or JKS file: leaf, key and chain behind one password, opened only when the password is
     * known ({@link Keystores}).
     */
    record Keystore(byte[] bytes, String type) implements KeyMaterial {
        @Override
        public String format() {
            return type.equals("PKCS12") ? "PKCS#12" : type + " keystore";
        }

        boolean jks() {
            return !type.equals("PKCS12");
        }

        @Override
        public String toString() {
            return "Keystore[" + format() + "]";
        }
    }

    /** OpenSSL's legacy encryption: {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info} headers. */
    record EncryptedLegacy(PEMEncryptedKeyPair pair, String dekAlgorithm) implements KeyMaterial {
        @Override
        public String format() {
            return "legacy encrypted PEM (" + dekAlgorithm + ")";
        }
    }
}
