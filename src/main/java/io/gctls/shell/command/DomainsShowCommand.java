package io.gctls.shell.command;

import io.gctls.api.PathSegments;
import io.gctls.auth.ApiSession;
import io.gctls.deploy.CustomDomain;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import java.util.List;

/** {@code domains show ID}: one deployed domain. */
public class DomainsShowCommand extends GctlsCommand {

    private final ApiAccess access;

    public DomainsShowCommand(ApiAccess access) {
        super("domains show", "Deploy", "Show one custom domain by id",
                List.of("domains show 3f1c...", "domains show 3f1c... --output json"));
        this.access = access;
    }

    @Override
    public String argumentsSynopsis() {
        return "ID";
    }

    @Override
    public Outcome run(Invocation invocation) {
        String id = PathSegments.id(invocation.requiredArgument(0, "a domain ID (see: domains list)"), "a domain id");
        ApiSession.Connected connected = access.connected(invocation);
        CustomDomain domain = DomainsListCommand.domains(connected, invocation).get(id, invocation.cancellation());
        return Outcome.of(domain, DomainsShowCommand::render);
    }

    static void render(CustomDomain d, Output out) {
        out.println(out.style().bold(d.domain()) + " (id " + d.id() + ")");
        row(out, "status", d.status());
        row(out, "type", d.type());
        row(out, "created", d.createdDate());
        row(out, "modified", d.modifiedDate());
        row(out, "certificate", d.certificateSubject());
        row(out, "expires", d.certificateExpires());
        row(out, "SHA-256", d.certificateFingerprint());
        row(out, "TLS", d.tlsVersion());
    }

    private static void row(Output out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.println(String.format("  %-12s %s", label, value));
        }
    }
}
