package io.gctls.rotate;

import io.gctls.deploy.CustomDomain;
import io.gctls.payload.BuiltPayload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rotation's plan: per domain its verdict and action ({@link #report()}, what {@code rotate plan}
 * shows), the payloads to send (they hold private keys: never rendered), and the domains as the
 * one list showed them.
 */
public final class Plan {

    /** What {@code rotate plan} shows: one document. */
    public record Report(String source, int domains, int deployedDomains, Counts counts, List<PlanEntry> entries) {
    }

    /** How many domains get each action. */
    public record Counts(int create, int replace, int unchanged, int refused) {

        static Counts of(List<PlanEntry> entries) {
            return new Counts(count(entries, Action.CREATE), count(entries, Action.REPLACE),
                    count(entries, Action.UNCHANGED), count(entries, Action.REFUSED));
        }

        private static int count(List<PlanEntry> entries, Action action) {
            return (int) entries.stream().filter(e -> e.action() == action).count();
        }

        public int changes() {
            return create + replace;
        }
    }

    private final Report report;
    private final Map<String, BuiltPayload> payloads;
    private final Map<String, CustomDomain> deployed;

    Plan(String source, List<PlanEntry> entries, Map<String, BuiltPayload> payloads,
            Map<String, CustomDomain> deployed) {
        this.report = new Report(source, entries.size(), deployed.size(), Counts.of(entries), List.copyOf(entries));
        this.payloads = Map.copyOf(payloads);
        this.deployed = Map.copyOf(deployed);
    }

    public Report report() {
        return report;
    }

    public List<PlanEntry> entries() {
        return report.entries();
    }

    /** The payload of a domain whose verdict allows sending it. */
    public Optional<BuiltPayload> payload(String domain) {
        return Optional.ofNullable(payloads.get(domain));
    }

    /** The domain as the plan's list showed it, or empty when it was not deployed. */
    public Optional<CustomDomain> deployed(String domain) {
        return Optional.ofNullable(deployed.get(domain));
    }

    /** The same plan with these entries instead (a resume marks some to be looked up first). */
    Plan withEntries(List<PlanEntry> entries) {
        return new Plan(report.source(), entries, payloads, deployed);
    }

    @Override
    public String toString() {
        return "Plan[" + report.source() + ", " + report.counts() + "]";
    }
}
