package io.gctls.cert;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.bc.BcPEMDecryptorProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Turns a key as found in a file into a usable private key, asking for a password only when the
 * key is encrypted. Failures are {@link Problem}s with the SPEC §4 code they map to.
 */
final class KeyDecoder {

    /** A decoded key: the JDK key for signing and the PKCS#8 structure for matching and re-encoding. */
    record DecodedKey(PrivateKey key, PrivateKeyInfo info, String format, boolean wasEncrypted) {
        @Override
        public String toString() {
            return "DecodedKey[" + format + "]"; // never the key
        }
    }

    static final class Problem extends Exception {
        private final CheckCode code;

        Problem(CheckCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        CheckCode code() {
            return code;
        }
    }

    private KeyDecoder() {
    }

    static DecodedKey decode(KeyMaterial material, String keyName, PasswordSource passwords) throws Problem {
        if (material instanceof KeyMaterial.Plain plain) {
            return new DecodedKey(toJdk(plain.info(), keyName), plain.info(), plain.format(), false);
        }
        return decrypt(material, keyName, passwords);
    }

    private static DecodedKey decrypt(KeyMaterial material, String keyName, PasswordSource passwords)
            throws Problem {
        Optional<char[]> password = passwords.first(keyName);
        if (password.isEmpty()) {
            throw new Problem(CheckCode.ENCRYPTED_KEY, keyName + " is " + article(material.format()) + "; "
                    + passwords.howToGive());
        }
        while (true) {
            char[] attempt = password.get();
            try {
                PrivateKeyInfo info = decryptWith(material, attempt);
                return new DecodedKey(toJdk(info, keyName), info, material.format(), true);
            } catch (WrongPassword e) {
                password = passwords.retry(keyName);
                if (password.isEmpty()) {
                    throw new Problem(CheckCode.WRONG_PASSWORD, "the password from " + passwords.origin()
                            + " does not decrypt " + keyName);
                }
            } finally {
                Arrays.fill(attempt, '\0');
            }
        }
    }

    /** Thrown when decryption fails in a way only a wrong password explains. */
    private static final class WrongPassword extends Exception {
        WrongPassword() {
            super(null, null, false, false);
        }
    }

    private static PrivateKeyInfo decryptWith(KeyMaterial material, char[] password) throws WrongPassword, Problem {
        try {
            if (material instanceof KeyMaterial.EncryptedLegacy legacy) {
                // the lightweight decryptor needs no JCA provider (OpenSSL's EVP_BytesToKey + a block cipher)
                PEMKeyPair pair = legacy.pair().decryptKeyPair(new BcPEMDecryptorProvider(password));
                return pair.getPrivateKeyInfo();
            }
            KeyMaterial.EncryptedPkcs8 pkcs8 = (KeyMaterial.EncryptedPkcs8) material;
            // PBES2 names ciphers the way Bouncy Castle does ("AES/CBC/PKCS7Padding"), which the JDK lacks
            return pkcs8.info().decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(password));
        } catch (OperatorCreationException e) {
            throw new Problem(CheckCode.BAD_PEM, "the key is encrypted with a scheme gctls cannot decrypt ("
                    + CryptoFileReader.reason(e) + "); re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc");
        } catch (PEMException e) {
            if (isUnsupportedAlgorithm(e)) {
                throw new Problem(CheckCode.BAD_PEM, "the key is encrypted with a cipher gctls cannot decrypt ("
                        + CryptoFileReader.reason(e) + ")");
            }
            throw new WrongPassword(); // bad padding, or decrypted bytes that are not a key
        } catch (PKCSException | RuntimeException e) {
            if (isUnsupportedAlgorithm(e)) {
                throw new Problem(CheckCode.BAD_PEM, "the key is encrypted with a scheme gctls cannot decrypt ("
                        + CryptoFileReader.reason(e) + ")");
            }
            throw new WrongPassword();
        } catch (java.io.IOException e) {
            throw new WrongPassword();
        }
    }

    private static boolean isUnsupportedAlgorithm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof java.security.NoSuchAlgorithmException || message.contains("unknown encryption")
                    || message.contains("not available") || message.contains("not supported")) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's providers first; Bouncy Castle's only for keys the JDK no longer handles (old curves). */
    private static PrivateKey toJdk(PrivateKeyInfo info, String keyName) throws Problem {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException | RuntimeException jdkFailure) {
            try {
                return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider()).getPrivateKey(info);
            } catch (PEMException | RuntimeException e) {
                throw new Problem(CheckCode.BAD_PEM, keyName + " holds a private key that cannot be decoded ("
                        + CryptoFileReader.reason(e) + ")");
            }
        }
    }

    private static String article(String format) {
        return (format.startsWith("encrypted") ? "an " : "a ") + format + " key";
    }
}
