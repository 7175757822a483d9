package io.gctls.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;

/**
 * Opens a PKCS#12 ({@code .p12}/{@code .pfx}) or JKS file given as {@code --cert}: its key entries,
 * each a private key with its certificate chain. PKCS#12 through Bouncy Castle (the MAC checked
 * first, so a wrong password is told apart from a damaged file; legacy RC2/3DES with a SHA-1 MAC and
 * the modern AES-256-CBC/PBKDF2 alike); JKS through the JDK, the only implementation of that format.
 */
final class Keystores {

    /** One key entry: its alias, the key and the certificates (the leaf first when the file says so). */
    record Entry(String alias, PrivateKeyInfo key, List<X509Certificate> chain) {
        @Override
        public String toString() {
            return "Entry[" + alias + "]"; // never the key
        }
    }

    /** The entries, and certificates that belong to no key (a trust-only store). */
    record Opened(List<Entry> entries, List<X509Certificate> loose) {
    }

    /** The password does not open the file. */
    static final class WrongPassword extends Exception {
        WrongPassword() {
            super(null, null, false, false);
        }
    }

    private Keystores() {
    }

    static Opened open(KeyMaterial.Keystore store, char[] password) throws WrongPassword, IOException {
        return store.jks() ? jks(store.bytes(), store.type(), password) : pkcs12(store.bytes(), password);
    }

    private static Opened pkcs12(byte[] bytes, char[] password) throws WrongPassword, IOException {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(bytes);
        try {
            if (pfx.hasMac() && !pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(
                    BcDefaultDigestProvider.INSTANCE), password)) {
                throw new WrongPassword();
            }
        } catch (PKCSException e) {
            throw new IOException("its integrity check cannot be computed (" + CryptoFileReader.reason(e) + ")", e);
        }
        Map<String, PrivateKeyInfo> keys = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Bagged> certificates = new ArrayList<>();
        try {
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor(password)) : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    String id = localKeyId(bag);
                    Object value = bag.getBagValue();
                    if (value instanceof X509CertificateHolder holder) {
                        certificates.add(new Bagged(id, CryptoFileReader.certificate(holder.getEncoded())));
                    } else if (value instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        keys.put(id, encrypted.decryptPrivateKeyInfo(decryptor(password)));
                        names.put(id, friendlyName(bag).orElse(null));
                    } else if (value instanceof PrivateKeyInfo plain) {
                        keys.put(id, plain);
                        names.put(id, friendlyName(bag).orElse(null));
                    }
                }
            }
        } catch (PKCSException e) {
            if (!pfx.hasMac()) {
                throw new WrongPassword(); // without a MAC, a failed decryption is all a wrong password shows
            }
            throw new IOException("a part of it cannot be decrypted (" + CryptoFileReader.reason(e) + ")", e);
        }
        List<Entry> entries = new ArrayList<>();
        List<X509Certificate> loose = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, PrivateKeyInfo> key : keys.entrySet()) {
            n++;
            List<X509Certificate> chain = new ArrayList<>();
            certificates.stream().filter(c -> key.getKey().equals(c.localKeyId())).forEach(c -> chain.add(c.certificate()));
            certificates.stream().filter(c -> c.localKeyId().isEmpty()).forEach(c -> chain.add(c.certificate()));
            String alias = Optional.ofNullable(names.get(key.getKey())).orElse(String.valueOf(n));
            entries.add(new Entry(alias, key.getValue(), chain));
        }
        if (keys.isEmpty()) {
            certificates.forEach(c -> loose.add(c.certificate()));
        }
        return new Opened(entries, loose);
    }

    private record Bagged(String localKeyId, X509Certificate certificate) {
    }

    private static org.bouncycastle.operator.InputDecryptorProvider decryptor(char[] password) {
        // RC2 and the PKCS#12 PBE schemes are Bouncy Castle's; PBES2 with AES would work with the JDK too
        return new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BouncyCastle.provider()).build(password);
    }

    private static org.bouncycastle.asn1.pkcs.Attribute[] attributes(PKCS12SafeBag bag) {
        org.bouncycastle.asn1.pkcs.Attribute[] attributes = bag.getAttributes();
        return attributes == null ? new org.bouncycastle.asn1.pkcs.Attribute[0] : attributes; // CA bags often have none
    }

    private static String localKeyId(PKCS12SafeBag bag) {
        for (org.bouncycastle.asn1.pkcs.Attribute attribute : attributes(bag)) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_localKeyId)) {
                ASN1Encodable value = attribute.getAttributeValues()[0];
                return org.bouncycastle.util.encoders.Hex.toHexString(ASN1OctetString.getInstance(value).getOctets());
            }
        }
        return "";
    }

    private static Optional<String> friendlyName(PKCS12SafeBag bag) {
        for (org.bouncycastle.asn1.pkcs.Attribute attribute : attributes(bag)) {
            if (attribute.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_friendlyName)) {
                return Optional.of(DERBMPString.getInstance(attribute.getAttributeValues()[0]).getString());
            }
        }
        return Optional.empty();
    }

    private static Opened jks(byte[] bytes, String type, char[] password) throws WrongPassword, IOException {
        try {
            KeyStore store = KeyStore.getInstance(type);
            try {
                store.load(new ByteArrayInputStream(bytes), password);
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                    throw new WrongPassword();
                }
                throw e;
            }
            List<Entry> entries = new ArrayList<>();
            List<X509Certificate> loose = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    if (!(key instanceof PrivateKey privateKey)) {
                        continue;
                    }
                    Certificate[] chain = store.getCertificateChain(alias);
                    entries.add(new Entry(alias, PrivateKeyInfo.getInstance(privateKey.getEncoded()), chain == null
                            ? List.of() : Arrays.stream(chain).filter(X509Certificate.class::isInstance)
                                    .map(X509Certificate.class::cast).toList()));
                } else if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    loose.add(certificate);
                }
            }
            return new Opened(entries, loose);
        } catch (java.security.UnrecoverableKeyException e) {
            throw new WrongPassword(); // the store opened, but the key has another password
        } catch (GeneralSecurityException e) {
            throw new IOException(CryptoFileReader.reason(e), e);
        }
    }
}
