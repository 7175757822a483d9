package io.gctls.core;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last line of defence for SPEC §7: every secret value this process learns (client secret,
 * access token, key password, the base64 body of a private key) is registered here, and the
 * shell's output and error writers replace any registered value with a mask before it is
 * written. Code must still never print a secret on purpose; this catches the accident.
 */
public final class Secrets {

    public static final String MASK = "****";

    /** Shorter values would mask ordinary words ("yes", a port number) and say nothing secret. */
    private static final int MIN_LENGTH = 6;

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    /** Values known to be public (the built-in sandbox's fixed client secret): never masked. */
    private static final Set<String> PUBLIC = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    public static void register(CharSequence secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && !PUBLIC.contains(secret.toString())) {
            VALUES.add(secret.toString());
        }
    }

    /** Registers each line of a PEM body, so that a key printed by mistake is masked line by line. */
    public static void registerPem(String pem) {
        if (pem == null) {
            return;
        }
        for (String line : pem.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("-----") && trimmed.length() >= 16) {
                register(trimmed);
            }
        }
    }

    /**
     * A value printed on purpose because it is no secret, such as the sandbox's fixed credentials
     * in its {@code export} lines: typing it as {@code --client-secret} must not mask it there.
     */
    public static void declarePublic(String value) {
        if (value != null) {
            PUBLIC.add(value);
            VALUES.remove(value);
        }
    }

    public static String redact(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String result = text;
        // longest first, so that a secret containing another is masked whole
        for (String secret : VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    public static boolean isEmpty() {
        return VALUES.isEmpty();
    }

    /** For tests only: forget everything registered. */
    public static void clearForTests() {
        VALUES.clear();
    }
}
