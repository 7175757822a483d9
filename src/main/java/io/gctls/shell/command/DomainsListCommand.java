package io.gctls.shell.command;

import io.gctls.auth.ApiSession;
import io.gctls.deploy.CustomDomain;
import io.gctls.deploy.CustomDomains;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.Completion;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;

/** {@code domains list}: what is deployed, every page fetched for the user. */
public class DomainsListCommand extends GctlsCommand {

    static final Opt<String> DOMAIN = OptionSpec.value("domain", "NAME", "only this domain")
            .completing(Completion.DOMAIN_NAMES);

    private final ApiAccess access;

    public DomainsListCommand(ApiAccess access) {
        super("domains list", "Deploy", "List the custom domains deployed (all pages)",
                List.of("domains list", "domains list --domain www.example.com --output json"),
                ConnectionOptions.with(DOMAIN));
        this.access = access;
    }

    public record DomainList(int total, List<CustomDomain> domains) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        ApiSession.Connected connected = access.connected(invocation);
        CustomDomains domains = access.customDomains(connected, invocation);
        List<CustomDomain> found = domains.list(invocation.optional(DOMAIN), invocation.cancellation());
        access.sawDomains(found);
        return Outcome.of(new DomainList(found.size(), found), DomainsListCommand::render);
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
                    Views.shortFingerprint(d.certificateFingerprint())};
        }
        Views.table(out, rows);
        out.println(Views.plural(list.total(), "domain"));
    }
}
