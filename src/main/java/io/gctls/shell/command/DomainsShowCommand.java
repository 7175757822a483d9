package io.gctls.shell.command;

import io.gctls.api.PathSegments;
import io.gctls.auth.ApiSession;
import io.gctls.deploy.CustomDomain;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.Completion;
import io.gctls.shell.ConnectionOptions;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import java.util.List;

/** {@code domains show ID}: one deployed domain. */
public class DomainsShowCommand extends GctlsCommand {

    private final ApiAccess access;

    public DomainsShowCommand(ApiAccess access) {
        super("domains show", "Deploy", "Show one custom domain by id",
                List.of("domains show 3f1c...", "domains show 3f1c... --output json"),
                ConnectionOptions.with());
        this.access = access;
    }

    @Override
    public Completion argumentCompletion() {
        return Completion.DOMAIN_IDS;
    }

    @Override
    public String argumentsSynopsis() {
        return "ID";
    }

    @Override
    public Outcome run(Invocation invocation) {
        String id = PathSegments.id(invocation.requiredArgument(0, "a domain ID (see: domains list)"), "a domain id");
        ApiSession.Connected connected = access.connected(invocation);
        CustomDomain domain = access.customDomains(connected, invocation).get(id, invocation.cancellation());
        access.sawDomain(domain.id(), domain.domain());
        return Outcome.of(domain, DomainsShowCommand::render);
    }

    static void render(CustomDomain d, Output out) {
        out.println(out.style().bold(d.domain()) + " (id " + d.id() + ")");
        Views.field(out, "status", d.status());
        Views.field(out, "type", d.type());
        Views.field(out, "created", d.createdDate());
        Views.field(out, "modified", d.modifiedDate());
        Views.field(out, "certificate", d.certificateSubject());
        Views.field(out, "expires", d.certificateExpires());
        Views.field(out, "SHA-256", Views.fingerprint(d.certificateFingerprint()));
        Views.field(out, "TLS", d.tlsVersion());
    }

}
