package io.gctls.shell.command;

import io.gctls.auth.ApiSession;
import io.gctls.deploy.CustomDomain;
import io.gctls.deploy.CustomDomains;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Tables;
import io.gctls.shell.Output;
import java.util.List;

/** {@code domains list}: what is deployed, every page fetched for the user. */
public class DomainsListCommand extends GctlsCommand {

    private final ApiAccess access;

    public DomainsListCommand(ApiAccess access) {
        super("domains list", "Deploy", "List the custom domains deployed (all pages)",
                List.of("domains list", "domains list --domain www.example.com --output json"),
                OptionSpec.value("domain", "NAME", "only this domain"));
        this.access = access;
    }

    public record DomainList(int total, List<CustomDomain> domains) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession.Connected connected = access.connected(invocation);
        CustomDomains domains = domains(connected, invocation);
        List<CustomDomain> found = domains.list(invocation.string("domain"), invocation.cancellation());
        return Outcome.of(new DomainList(found.size(), found), DomainsListCommand::render);
    }

    static CustomDomains domains(ApiSession.Connected connected, Invocation invocation) {
        return new CustomDomains(connected.client(), connected.connection().paths().customDomains(),
                invocation.out()::note);
    }

    static void render(DomainList list, Output out) {
        if (list.domains().isEmpty()) {
            out.println("no custom domains");
            return;
        }
        Object[][] rows = new Object[list.domains().size() + 1][];
        rows[0] = new Object[] {"id", "domain", "status", "created", "certificate expires", "SHA-256 (leaf)"};
        for (int i = 0; i < list.domains().size(); i++) {
            CustomDomain d = list.domains().get(i);
            rows[i + 1] = new Object[] {d.id(), d.domain(), d.status(), d.createdDate(), d.certificateExpires(),
                    shortFingerprint(d.certificateFingerprint())};
        }
        out.println(Tables.render(rows));
        out.println(list.total() + " domain" + (list.total() == 1 ? "" : "s"));
    }

    static String shortFingerprint(String fingerprint) {
        return fingerprint.length() > 16 ? fingerprint.substring(0, 16) + "..." : fingerprint;
    }
}
