package io.gctls.sandbox;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The custom-domain store, in creation order. Private keys live in their own map, never in a
 * {@link CustomDomain}, so no answer or snapshot can carry one. Indexed by id and by name, with
 * the creation-order list kept until the next change, so that paging through thousands of domains
 * or creating them one by one costs a page or a lookup, not a copy of the store. Not thread-safe:
 * the router serialises access.
 */
final class DomainStore {

    private final Map<String, CustomDomain> byId = new LinkedHashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private final Map<String, String> privateKeys = new HashMap<>();
    private List<CustomDomain> ordered;

    Optional<CustomDomain> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<CustomDomain> byDomain(String domain) {
        return Optional.ofNullable(idByName.get(key(domain))).map(byId::get);
    }

    /** Every domain in creation order; the same list until the store changes. */
    List<CustomDomain> all() {
        if (ordered == null) {
            ordered = List.copyOf(byId.values());
        }
        return ordered;
    }

    int size() {
        return byId.size();
    }

    CustomDomain create(DomainUpload upload, Instant now) {
        CustomDomain domain = build(UUID.randomUUID().toString(), upload.domain(), upload, now, now, 1);
        put(domain, upload.privateKey());
        return domain;
    }

    CustomDomain replace(CustomDomain existing, DomainUpload upload, Instant now) {
        CustomDomain replaced = build(existing.id(), existing.domain(), upload, existing.createdDate(), now,
                existing.version() + 1);
        put(replaced, upload.privateKey());
        return replaced;
    }

    void delete(String id) {
        CustomDomain removed = byId.remove(id);
        if (removed != null) {
            idByName.remove(key(removed.domain()));
        }
        privateKeys.remove(id);
        ordered = null;
    }

    /** For serving the deployed certificate over TLS; never for an answer. */
    Optional<String> privateKeyPem(String id) {
        return Optional.ofNullable(privateKeys.get(id));
    }

    void clear() {
        byId.clear();
        idByName.clear();
        privateKeys.clear();
        ordered = null;
    }

    private void put(CustomDomain domain, String privateKey) {
        byId.put(domain.id(), domain);
        idByName.put(key(domain.domain()), domain.id());
        privateKeys.put(domain.id(), privateKey);
        ordered = null;
    }

    private static String key(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }

    private static CustomDomain build(String id, String domain, DomainUpload upload, Instant created, Instant modified,
            int version) {
        return new CustomDomain(id, domain, upload.type(), CustomDomain.ACTIVE, upload.certificate(),
                upload.certificateChain(), upload.leaf().fingerprint(), upload.leaf().subject(),
                upload.leaf().issuer(), upload.leaf().notBefore(), upload.leaf().notAfter(), upload.tlsVersion(),
                upload.ocspStapling(), created, modified, version);
    }
}
