package io.gctls.cert;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Map;
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
 * key is encrypted. Failures are {@link Problem}s with the docs/findings.md code they map to.
 */
final class KeyDecoder {

    /** A decoded key: the JDK key for signing and the PKCS#8 structure for matching and re-encoding. */
    record DecodedKey(PrivateKey key, PrivateKeyInfo info, String format, boolean wasEncrypted) {
        @Override
        public String toString() {
            return "DecodedKey[" + format + "]"; // never the key
        }
    }

    /** A key that cannot be used, as the finding it becomes. */
    static final class Problem extends Exception {
        private final transient Finding finding;

        Problem(CheckCode code, String variant, Map<String, String> data) {
            this(Finding.of(code, variant, null, data));
        }

        Problem(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }

        Finding finding() {
            return finding;
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
            throw new Problem(CheckCode.ENCRYPTED_KEY, "", Map.of("file", keyName, "format",
                    article(material.format()), "how", passwords.howToGive()));
        }
        while (true) {
            char[] attempt = password.get();
            try {
                PrivateKeyInfo info = decryptWith(material, attempt);
                return new DecodedKey(toJdk(info, keyName), info, material.format(), true);
            } catch (WrongPassword e) {
                password = passwords.retry(keyName);
                if (password.isEmpty()) {
                    throw new Problem(CheckCode.WRONG_PASSWORD, "", Map.of("origin", passwords.origin(), "file",
                            keyName));
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
            Optional<PrivateKeyInfo> jdk = decryptWithJdk(pkcs8, password);
            if (jdk.isPresent()) {
                return jdk.get();
            }
            // Bouncy Castle's decryptor names ciphers its own way ("AES/CBC/PKCS7Padding"), so it needs its provider
            return pkcs8.info().decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BouncyCastle.provider()).build(password));
        } catch (OperatorCreationException e) {
            throw new Problem(CheckCode.BAD_PEM, "scheme", Map.of("reason", CryptoFileReader.reason(e), "hint",
                    "; re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc"));
        } catch (PEMException e) {
            if (isUnsupportedAlgorithm(e)) {
                throw new Problem(CheckCode.BAD_PEM, "scheme", Map.of("reason", CryptoFileReader.reason(e), "hint",
                        ""));
            }
            throw new WrongPassword(); // bad padding, or decrypted bytes that are not a key
        } catch (PKCSException | RuntimeException e) {
            if (isUnsupportedAlgorithm(e)) {
                throw new Problem(CheckCode.BAD_PEM, "scheme", Map.of("reason", CryptoFileReader.reason(e), "hint",
                        ""));
            }
            throw new WrongPassword();
        } catch (java.io.IOException e) {
            throw new WrongPassword();
        }
    }

    /**
     * The JDK's SunJCE decrypts what openssl writes by default (PBES2: PBKDF2 with HMAC-SHA1/SHA-2 and
     * AES-128/256-CBC) and the classic PBES1 schemes, without the 0.2 s of creating Bouncy Castle's
     * provider. Empty when the JDK does not know the scheme (scrypt, AES-192, 3DES under PBES2).
     */
    private static Optional<PrivateKeyInfo> decryptWithJdk(KeyMaterial.EncryptedPkcs8 pkcs8, char[] password)
            throws WrongPassword {
        javax.crypto.spec.PBEKeySpec keySpec = new javax.crypto.spec.PBEKeySpec(password);
        try {
            javax.crypto.EncryptedPrivateKeyInfo info = new javax.crypto.EncryptedPrivateKeyInfo(pkcs8.info().getEncoded());
            java.security.AlgorithmParameters parameters = info.getAlgParameters();
            // for PBES2 the parameters name the concrete scheme, e.g. PBEWithHmacSHA256AndAES_256
            String scheme = "PBES2".equalsIgnoreCase(info.getAlgName()) || info.getAlgName().equals("1.2.840.113549.1.5.13")
                    ? parameters.toString() : info.getAlgName();
            javax.crypto.SecretKey key = javax.crypto.SecretKeyFactory.getInstance(scheme).generateSecret(keySpec);
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(scheme);
            cipher.init(javax.crypto.Cipher.DECRYPT_MODE, key, parameters);
            byte[] plain = cipher.doFinal(info.getEncryptedData());
            try {
                return Optional.of(PrivateKeyInfo.getInstance(plain));
            } catch (RuntimeException garbage) {
                throw new WrongPassword(); // the padding happened to fit, the content did not
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (javax.crypto.BadPaddingException e) {
            throw new WrongPassword();
        } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
            return Optional.empty(); // a scheme the JDK lacks: Bouncy Castle's turn
        } finally {
            keySpec.clearPassword();
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
                throw new Problem(CheckCode.BAD_PEM, "undecodable-key", Map.of("file", keyName, "reason",
                        CryptoFileReader.reason(e)));
            }
        }
    }

    private static String article(String format) {
        return (format.startsWith("encrypted") ? "an " : "a ") + format + " key";
    }
}
