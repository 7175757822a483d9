package io.gctls.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes made straight in a sandbox (each records its audit event), for tests outside this
 * package: domains created with certificates of the test PKI, made at test time.
 */
public final class SandboxChanges {

    private static TestPki pki;

    private SandboxChanges() {
    }

    private static synchronized TestPki pki() {
        if (pki == null) {
            pki = new TestPki(Instant.now());
        }
        return pki;
    }

    /** Creates {@code domain} with a fresh leaf: one {@code Create} audit event. */
    public static CustomDomain create(Sandbox sandbox, String domain) {
        TestPki.Issued leaf = pki().leaf(domain, Instant.now());
        return sandbox.putDomain(domain, leaf.certificatePem(), leaf.keyPem(), null);
    }

    /**
     * Creates {@code count} domains {@code 0001.<suffix>}, ... sharing one leaf (the sandbox does not
     * match names to SANs), so that a thousand audit events take a second, not a minute.
     */
    public static List<CustomDomain> createMany(Sandbox sandbox, String suffix, int count) {
        TestPki.Issued leaf = pki().leaf("bulk." + suffix, Instant.now());
        String certificate = leaf.certificatePem();
        String key = leaf.keyPem();
        List<CustomDomain> created = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            created.add(sandbox.putDomain(String.format("d%04d.%s", i, suffix), certificate, key, null));
        }
        return created;
    }
}
