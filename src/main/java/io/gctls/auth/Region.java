package io.gctls.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Genesys Cloud regions and their domains (docs/api.md "Hosts and regions (G)", from the public SDKs). */
public final class Region {

    private static final Map<String, String> DOMAINS = new LinkedHashMap<>();

    static {
        DOMAINS.put("us-east-1", "mypurecloud.com");
        DOMAINS.put("eu-west-1", "mypurecloud.ie");
        DOMAINS.put("ap-southeast-2", "mypurecloud.com.au");
        DOMAINS.put("ap-northeast-1", "mypurecloud.jp");
        DOMAINS.put("eu-central-1", "mypurecloud.de");
        DOMAINS.put("us-west-2", "usw2.pure.cloud");
        DOMAINS.put("ca-central-1", "cac1.pure.cloud");
        DOMAINS.put("ap-northeast-2", "apne2.pure.cloud");
        DOMAINS.put("eu-west-2", "euw2.pure.cloud");
        DOMAINS.put("ap-south-1", "aps1.pure.cloud");
        DOMAINS.put("us-east-2", "use2.us-gov-pure.cloud");
        DOMAINS.put("sa-east-1", "sae1.pure.cloud");
        DOMAINS.put("me-central-1", "mec1.pure.cloud");
        DOMAINS.put("ap-northeast-3", "apne3.pure.cloud");
        DOMAINS.put("eu-central-2", "euc2.pure.cloud");
        DOMAINS.put("mx-central-1", "mxc1.pure.cloud");
        DOMAINS.put("ap-southeast-1", "apse1.pure.cloud");
    }

    private Region() {
    }

    public static Map<String, String> all() {
        return Map.copyOf(DOMAINS);
    }

    public static Optional<String> domainOf(String region) {
        return Optional.ofNullable(DOMAINS.get(region.strip().toLowerCase(Locale.ROOT)));
    }

    /** The region a domain belongs to, for display. */
    public static Optional<String> nameOf(String domain) {
        return DOMAINS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(domain)).map(Map.Entry::getKey)
                .findFirst();
    }
}
