package io.gctls.cert;

import io.gctls.core.Cancellation;
import io.gctls.core.InputFiles;
import io.gctls.core.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads what users really hand over (docs/findings.md "What gctls reads"): PEM or DER, CRLF, a UTF-8 (or UTF-16) byte-order
 * mark, explanatory text around the blocks, indented blocks, one-line PEM, several blocks of mixed
 * kinds in one file, PKCS#7 bundles. Bouncy Castle parses every block; this class only decides
 * which of its parsers applies and records how the file was encoded.
 *
 * <p>It never judges whether the content suits the option; {@link CertInspector} does that, so
 * that "a key in the certificate slot" is reported as such rather than as unreadable PEM.
 */
final class CryptoFileReader {

    /** Certificate files are a few kilobytes; anything this big was picked by mistake. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([^-]+)-----");
    private static final Pattern MARKER_NOT_AT_LINE_START =
            Pattern.compile("(?<=[^\\s])[ \\t]*(-----(?:BEGIN|END) [^-]+-----)");
    private static final Pattern MARKER_NOT_AT_LINE_END =
            Pattern.compile("(-----(?:BEGIN|END) [^-]+-----)[ \\t]*(?=[^\\s])");
    private static final int MAX_BLOCKS = 500;

    private CryptoFileReader() {
    }

    /** Reads the file; an unreadable, missing, endless or silent file is an input failure (exit 3) naming it. */
    static CryptoFile read(Path path, String option, Cancellation cancellation) {
        return parse(readBytes(path, option, cancellation), path, option);
    }

    static CryptoFile read(Path path, String option) {
        return read(path, option, Cancellation.never());
    }

    static byte[] readBytes(Path path, String option, Cancellation cancellation) {
        return InputFiles.read(path, option, MAX_BYTES, cancellation);
    }

    static CryptoFile parse(byte[] raw, Path path, String option) {
        Builder file = new Builder(path, option);
        String text = decodeText(raw, file);
        if (text.isBlank()) {
            file.empty = true;
        } else if (text.contains("-----BEGIN")) {
            readPem(text, file);
        } else if (file.binary != null && startsLikeDer(file.binary)) {
            file.der = true;
            readDer(file.binary, file);
            byte[] trimmed = trimTrailingWhitespace(file.binary);
            if (!file.problems.isEmpty() && trimmed.length < file.binary.length) {
                // a newline an editor added after the DER; the untrimmed bytes are tried first, as DER may
                // itself end in what looks like whitespace
                Builder retry = new Builder(path, option);
                retry.binary = file.binary;
                retry.der = true;
                readDer(trimmed, retry);
                if (retry.problems.isEmpty()) {
                    return retry.build();
                }
            }
        } else if (file.binary != null && isJavaKeystore(file.binary)) {
            file.privateKeys.add(new KeyMaterial.Keystore(file.binary.clone(), (file.binary[0] & 0xFF) == 0xCE
                    ? "JCEKS" : "JKS"));
        } else {
            file.problems.add("it holds no PEM block (no -----BEGIN line) and is not DER either");
        }
        return file.build();
    }

    // ----------------------------------------------------------------------------------- text

    /** Strips a BOM (UTF-8, or UTF-16 as Windows PowerShell writes it) and decodes the text. */
    private static String decodeText(byte[] raw, Builder file) {
        if (raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF) {
            file.bom = true;
            byte[] rest = java.util.Arrays.copyOfRange(raw, 3, raw.length);
            file.binary = rest;
            return new String(rest, StandardCharsets.UTF_8);
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE) {
            file.bom = true;
            return new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16LE);
        }
        if (raw.length >= 2 && (raw[0] & 0xFF) == 0xFE && (raw[1] & 0xFF) == 0xFF) {
            file.bom = true;
            return new String(raw, 2, raw.length - 2, StandardCharsets.UTF_16BE);
        }
        file.binary = raw;
        // ISO-8859-1 maps every byte to a char, so DER survives the look for "-----BEGIN"
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static void readPem(String original, Builder file) {
        String text = normalise(original, file);
        List<String> types = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        while (begin.find()) {
            types.add(begin.group(1).trim());
        }
        registerPrivateKeyBlocks(text);
        noteTextAround(text, file);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (int block = 0; block < Math.min(types.size(), MAX_BLOCKS); block++) {
                String type = types.get(block);
                Object object;
                try {
                    object = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    file.problems.add(blockName(block, types) + " is corrupt (" + reason(e) + ")");
                    continue;
                }
                if (object == null) {
                    file.problems.add(blockName(block, types) + " has no matching -----END " + type + "----- line");
                    break;
                }
                try {
                    classifyPem(object, type, blockName(block, types), file);
                } catch (IOException | RuntimeException e) {
                    file.problems.add(blockName(block, types) + " is corrupt (" + reason(e) + ")");
                }
            }
        } catch (IOException e) {
            file.problems.add("it cannot be read as PEM (" + reason(e) + ")");
        }
    }

    /**
     * One shape for BC's PEM reader: LF line ends, no indentation, markers on lines of their own.
     * Copies from mail, YAML, JSON and web forms break all three.
     */
    private static String normalise(String text, Builder file) {
        String result = text;
        if (result.indexOf('\r') >= 0) {
            file.crlf = true;
            result = result.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (result.contains("-----\\n") || result.contains("\\n-----")) {
            result = result.replace("\\r\\n", "\n").replace("\\n", "\n"); // JSON-escaped PEM
        }
        result = MARKER_NOT_AT_LINE_START.matcher(result).replaceAll("\n$1");
        result = MARKER_NOT_AT_LINE_END.matcher(result).replaceAll("$1\n");
        StringBuilder lines = new StringBuilder(result.length());
        for (String line : result.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        return lines.toString();
    }

    private static void noteTextAround(String text, Builder file) {
        boolean inside = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("-----BEGIN ")) {
                inside = true;
            } else if (line.startsWith("-----END ")) {
                inside = false;
            } else if (!inside && !line.isBlank()) {
                file.textAround = true;
                return;
            }
        }
    }

    /** The body of every private-key block goes to {@link Secrets} before anything else can print it. */
    private static void registerPrivateKeyBlocks(String text) {
        StringBuilder block = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("-----BEGIN ") && line.contains("PRIVATE KEY")) {
                block = new StringBuilder();
            } else if (line.startsWith("-----END ") && block != null) {
                Secrets.registerPem(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
    }

    private static void classifyPem(Object object, String type, String blockName, Builder file) throws IOException {
        if (object instanceof X509CertificateHolder holder) {
            addCertificate(holder.getEncoded(), blockName, file);
        } else if (object instanceof X509TrustedCertificateBlock trusted) {
            addCertificate(trusted.getCertificateHolder().getEncoded(), blockName, file);
        } else if (object instanceof PEMKeyPair pair) {
            file.privateKeys.add(new KeyMaterial.Plain(pair.getPrivateKeyInfo(), formatOf(type)));
        } else if (object instanceof PrivateKeyInfo info) {
            file.privateKeys.add(new KeyMaterial.Plain(info, "PKCS#8"));
        } else if (object instanceof PEMEncryptedKeyPair encrypted) {
            file.privateKeys.add(new KeyMaterial.EncryptedLegacy(encrypted, encrypted.getDekAlgName()));
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            file.privateKeys.add(new KeyMaterial.EncryptedPkcs8(encrypted));
        } else if (object instanceof SubjectPublicKeyInfo publicKey) {
            file.publicKeys.add(publicKey);
        } else if (object instanceof ASN1ObjectIdentifier) {
            // EC PARAMETERS before a SEC1 key: the key names its curve itself
        } else if (object instanceof PKCS10CertificationRequest) {
            file.otherKinds.add(blockName + " is a certificate signing request (CSR), not a certificate");
        } else if (object instanceof ContentInfo contentInfo) {
            addPkcs7(contentInfo, blockName, file);
        } else if (object instanceof X509CRLHolder) {
            file.otherKinds.add(blockName + " is a certificate revocation list (CRL)");
        } else {
            file.otherKinds.add(blockName + " is a " + type + ", which gctls does not use here");
        }
    }

    private static String formatOf(String type) {
        return switch (type) {
            case "RSA PRIVATE KEY" -> "PKCS#1";
            case "EC PRIVATE KEY" -> "SEC1";
            case "DSA PRIVATE KEY" -> "DSA";
            default -> type;
        };
    }

    private static String blockName(int block, List<String> types) {
        String name = "the " + types.get(block) + " block";
        long sameType = types.stream().filter(types.get(block)::equals).count();
        return sameType > 1 ? name + " no. " + (types.subList(0, block + 1).stream()
                .filter(types.get(block)::equals).count()) : name;
    }

    // ------------------------------------------------------------------------------------ DER

    /** The magic numbers of the JKS (FEEDFEED) and JCEKS (CECECECE) keystore formats. */
    private static boolean isJavaKeystore(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        int magic = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        return magic == 0xFEEDFEED || magic == 0xCECECECE;
    }

    private static boolean startsLikeDer(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xFF) == 0x30;
    }

    private static byte[] trimTrailingWhitespace(byte[] bytes) {
        int end = bytes.length;
        // not NUL: BER's indefinite lengths (openssl pkcs12 writes them) end in zero bytes
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ')) {
            end--;
        }
        return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
    }

    private static void readDer(byte[] bytes, Builder file) {
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive object;
            int count = 0;
            while ((object = in.readObject()) != null && count++ < MAX_BLOCKS) {
                classifyDer(object, file);
            }
        } catch (IOException | RuntimeException e) {
            file.problems.add("it is not valid DER (" + reason(e) + ")");
        }
    }

    /**
     * Recognises a DER structure by its shape, then lets Bouncy Castle parse it. The shapes differ
     * in their first elements (RFC 5280, 5208, 5958, 8017, 5915, 7292, 2986), so the order below
     * cannot mistake one for another.
     */
    private static void classifyDer(ASN1Primitive object, Builder file) {
        if (!(object instanceof ASN1Sequence seq) || seq.size() == 0) {
            file.problems.add("it is DER, but not a certificate or key structure");
            return;
        }
        ASN1Encodable first = seq.getObjectAt(0);
        ASN1Encodable second = seq.size() > 1 ? seq.getObjectAt(1) : null;
        ASN1Encodable third = seq.size() > 2 ? seq.getObjectAt(2) : null;
        try {
            if (seq.size() == 3 && first instanceof ASN1Sequence && second instanceof ASN1Sequence
                    && third instanceof ASN1BitString) {
                if (looksLikeCsr((ASN1Sequence) first)) {
                    CertificationRequest.getInstance(seq);
                    file.otherKinds.add("it is a certificate signing request (CSR), not a certificate");
                } else {
                    addCertificate(Certificate.getInstance(seq).getEncoded(), "the DER certificate", file);
                }
            } else if (first instanceof ASN1ObjectIdentifier oid && second instanceof ASN1TaggedObject) {
                addPkcs7(ContentInfo.getInstance(seq), "the DER content", file);
            } else if (first instanceof ASN1Integer version && version.hasValue(3) && second instanceof ASN1Sequence) {
                file.privateKeys.add(new KeyMaterial.Keystore(file.binary.clone(), "PKCS12")); // RFC 7292
            } else if (seq.size() == 2 && first instanceof ASN1Sequence && second instanceof ASN1OctetString) {
                file.privateKeys.add(new KeyMaterial.EncryptedPkcs8(
                        new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(seq))));
            } else if (seq.size() >= 3 && first instanceof ASN1Integer && second instanceof ASN1Sequence
                    && third instanceof ASN1OctetString) {
                file.privateKeys.add(new KeyMaterial.Plain(PrivateKeyInfo.getInstance(seq), "PKCS#8"));
            } else if (seq.size() == 2 && first instanceof ASN1Sequence && second instanceof ASN1BitString) {
                file.publicKeys.add(SubjectPublicKeyInfo.getInstance(seq));
            } else if (seq.size() >= 9 && allIntegers(seq)) {
                file.privateKeys.add(new KeyMaterial.Plain(new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(seq)), "PKCS#1"));
            } else if (first instanceof ASN1Integer version && version.hasValue(1) && second instanceof ASN1OctetString) {
                ECPrivateKey ec = ECPrivateKey.getInstance(seq);
                if (ec.getParametersObject() == null) {
                    file.problems.add("it is a SEC1 EC key that does not name its curve");
                    return;
                }
                file.privateKeys.add(new KeyMaterial.Plain(new PrivateKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()), ec),
                        "SEC1"));
            } else if (seq.size() == 2 && allIntegers(seq)) {
                file.publicKeys.add(new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPublicKey.getInstance(seq)));
            } else {
                file.problems.add("it is DER, but not a certificate or key structure");
            }
        } catch (IOException | RuntimeException e) {
            file.problems.add("it is DER, but its structure is broken (" + reason(e) + ")");
        }
    }

    /** A CSR's info starts with INTEGER version then the subject; a TBSCertificate with [0] version or serial. */
    private static boolean looksLikeCsr(ASN1Sequence info) {
        return info.size() >= 3 && info.size() <= 4 && info.getObjectAt(0) instanceof ASN1Integer
                && info.getObjectAt(1) instanceof ASN1Sequence && info.getObjectAt(2) instanceof ASN1Sequence
                && (info.size() == 3 || info.getObjectAt(3) instanceof ASN1TaggedObject)
                && ((ASN1Sequence) info.getObjectAt(2)).size() == 2
                && ((ASN1Sequence) info.getObjectAt(2)).getObjectAt(1) instanceof ASN1BitString;
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (ASN1Encodable element : seq) {
            if (!(element instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    // -------------------------------------------------------------------------------- shared

    static X509Certificate certificate(byte[] der) throws IOException {
        try {
            return (X509Certificate) certificateFactory().generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IOException(reason(e), e);
        }
    }

    private static void addCertificate(byte[] der, String blockName, Builder file) {
        try {
            file.certificates.add((X509Certificate) certificateFactory()
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            file.problems.add(blockName + " is not a certificate the JDK can read (" + reason(e) + ")");
        }
    }

    private static void addPkcs7(ContentInfo contentInfo, String blockName, Builder file) {
        if (!PKCSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
            file.otherKinds.add(blockName + " is PKCS#7 content without certificates");
            return;
        }
        try {
            CMSSignedData signed = new CMSSignedData(contentInfo);
            int before = file.certificates.size();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                addCertificate(holder.getEncoded(), blockName, file);
            }
            file.pkcs7 = true;
            if (file.certificates.size() == before) {
                file.otherKinds.add(blockName + " is a PKCS#7 bundle with no certificates in it");
            }
        } catch (CMSException | IOException | RuntimeException e) {
            file.problems.add(blockName + " is a broken PKCS#7 bundle (" + reason(e) + ")");
        }
    }

    static CertificateFactory certificateFactory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("every JDK has an X.509 certificate factory", e);
        }
    }

    /** The innermost message, on one line, without Bouncy Castle's class names. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        if (message.isEmpty()) {
            // no words of its own: say what kind of failure it was, without a Java class name
            return root instanceof java.io.EOFException ? "the data ends too early" : "the data is malformed";
        }
        if (message.length() > 120) {
            message = message.substring(0, 117) + "...";
        }
        boolean word = message.length() > 1 && Character.isLowerCase(message.charAt(1));
        return word ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }

    private static final class Builder {
        final Path path;
        final String option;
        final List<X509Certificate> certificates = new ArrayList<>();
        final List<KeyMaterial> privateKeys = new ArrayList<>();
        final List<SubjectPublicKeyInfo> publicKeys = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> otherKinds = new ArrayList<>();
        byte[] binary;
        boolean der;
        boolean bom;
        boolean crlf;
        boolean textAround;
        boolean pkcs7;
        boolean empty;

        Builder(Path path, String option) {
            this.path = path;
            this.option = option;
        }

        CryptoFile build() {
            return new CryptoFile(path, option, List.copyOf(certificates), List.copyOf(privateKeys),
                    List.copyOf(publicKeys), List.copyOf(problems), List.copyOf(otherKinds), der, bom, crlf,
                    textAround, pkcs7, empty);
        }
    }
}
