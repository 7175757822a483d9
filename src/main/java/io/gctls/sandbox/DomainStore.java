package io.gctls.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The custom-domain store, in creation order. Private keys live in their own map, never in a
 * {@link CustomDomain}, so no answer or snapshot can carry one. Not thread-safe: the router
 * serialises access.
 */
final class DomainStore {

    private final Map<String, CustomDomain> byId = new LinkedHashMap<>();
    private final Map<String, String> privateKeys = new HashMap<>();

    Optional<CustomDomain> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<CustomDomain> byDomain(String domain) {
        return byId.values().stream().filter(d -> d.domain().equalsIgnoreCase(domain)).findFirst();
    }

    List<CustomDomain> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }

    CustomDomain create(DomainUpload upload, Instant now) {
        CustomDomain domain = build(UUID.randomUUID().toString(), upload.domain(), upload, now, now, 1);
        byId.put(domain.id(), domain);
        privateKeys.put(domain.id(), upload.privateKey());
        return domain;
    }

    CustomDomain replace(CustomDomain existing, DomainUpload upload, Instant now) {
        CustomDomain replaced = build(existing.id(), existing.domain(), upload, existing.createdDate(), now,
                existing.version() + 1);
        byId.put(replaced.id(), replaced);
        privateKeys.put(replaced.id(), upload.privateKey());
        return replaced;
    }

    void delete(String id) {
        byId.remove(id);
        privateKeys.remove(id);
    }

    /** For serving the deployed certificate over TLS; never for an answer. */
    Optional<String> privateKeyPem(String id) {
        return Optional.ofNullable(privateKeys.get(id));
    }

    void clear() {
        byId.clear();
        privateKeys.clear();
    }

    private static CustomDomain build(String id, String domain, DomainUpload upload, Instant created, Instant modified,
            int version) {
        return new CustomDomain(id, domain, upload.type(), CustomDomain.ACTIVE, upload.certificate(),
                upload.certificateChain(), upload.leaf().fingerprint(), upload.leaf().subject(),
                upload.leaf().issuer(), upload.leaf().notBefore(), upload.leaf().notAfter(), upload.tlsVersion(),
                upload.ocspStapling(), created, modified, version);
    }

    static List<CustomDomain> page(List<CustomDomain> all, int pageNumber, int pageSize) {
        int from = (int) Math.min(all.size(), (long) (pageNumber - 1) * pageSize);
        int to = (int) Math.min(all.size(), (long) from + pageSize);
        return new ArrayList<>(all.subList(from, to));
    }
}
