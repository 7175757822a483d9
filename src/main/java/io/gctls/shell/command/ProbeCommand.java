package io.gctls.shell.command;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.InspectionReport;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.probe.HostPort;
import io.gctls.probe.ProbeReport;
import io.gctls.probe.ProbeRequest;
import io.gctls.probe.Prober;
import io.gctls.probe.Route;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.SandboxControl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code probe HOST[:PORT]}: a live TLS handshake report and the SPEC §4 verdict on the chain the
 * server sent for HOST. Exit 3 on an error verdict (including a leaf other than
 * {@code --expect-cert}), warnings succeed unless {@code --strict}, exit 6 when the connection or
 * handshake fails. In a sandbox session, a HOST deployed in the sandbox is probed on the sandbox's
 * TLS port; any other name leaves the sandbox only with {@code --connect} (a usage error otherwise),
 * so a sandbox session never reaches the real resolver or network unasked.
 */
public class ProbeCommand extends GctlsCommand {

    private final Prober prober;
    private final SandboxControl sandbox;
    private final Metrics metrics;

    public ProbeCommand(CertInspector inspector, SandboxControl sandbox, Metrics metrics) {
        super("probe", "Certificates",
                "Connect to a live endpoint over TLS: what it serves, how, and the verdict on its chain",
                List.of("probe www.example.com",
                        "probe www.example.com:8443 --expect-cert new-leaf.pem",
                        "probe www.example.com --connect 192.0.2.10 --trust root.pem",
                        "probe www.example.com --output json"),
                OptionSpec.value("connect", "ADDR[:PORT]",
                        "connect to this address instead, still sending HOST as SNI (port default: HOST's)"),
                OptionSpec.file("expect-cert", "the certificate that should be served: error unexpected-cert if not"),
                OptionSpec.file("trust", "trusted root(s), PEM or DER (default: the JDK trust store)"),
                OptionSpec.value("timeout", "DURATION", "for the connect and for each read of the handshake")
                        .defaultValue("10s"),
                OptionSpec.value("warn-days", "N", "warn when the served leaf expires within N days")
                        .defaultValue(String.valueOf(InspectRequest.DEFAULT_WARN_DAYS)),
                OptionSpec.flag("offline", "no AIA, OCSP or CRL fetch (a stapled OCSP answer is still judged)"));
        this.prober = new Prober(inspector);
        this.sandbox = sandbox;
        this.metrics = metrics;
    }

    @Override
    public String argumentsSynopsis() {
        return "HOST[:PORT]";
    }

    @Override
    public Outcome run(Invocation invocation) {
        ProbeRequest request = request(invocation);
        ProbeReport report;
        try (Metrics.Timer timer = metrics.start("probe")) {
            report = prober.probe(request, invocation.cancellation());
        }
        return Outcome.of(report, ProbeCommand::render, CertInspectCommand.exitCode(report.verdict()));
    }

    private ProbeRequest request(Invocation invocation) {
        if (invocation.arguments().size() > 1) {
            throw GctlsException.usage("'probe' takes one HOST[:PORT], not " + invocation.arguments().size()
                    + " (" + String.join(" ", invocation.arguments()) + ")");
        }
        HostPort target = HostPort.parse(invocation.requiredArgument(0, "HOST[:PORT], e.g. probe www.example.com"),
                HostPort.HTTPS, "HOST");
        Duration timeout = invocation.duration("timeout").orElse(ProbeRequest.DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative()) {
            throw GctlsException.usage("--timeout must be positive, not " + invocation.string("timeout").orElse(""));
        }
        int warnDays = invocation.integer("warn-days", InspectRequest.DEFAULT_WARN_DAYS);
        if (warnDays < 0) {
            throw GctlsException.usage("--warn-days must be 0 or more, not " + warnDays);
        }
        ProbeRequest request = ProbeRequest.of(target).withTimeout(timeout).withWarnDays(warnDays)
                .withExpectCert(invocation.path("expect-cert").orElse(null))
                .withTrust(invocation.path("trust").orElse(null)).withOffline(invocation.flag("offline"));
        Optional<String> connect = invocation.string("connect");
        if (connect.isPresent()) {
            return request.connectingTo(HostPort.parse(connect.get(), target.port(), "--connect"), Route.CONNECT);
        }
        Optional<Sandbox> running = sandbox.running();
        if (running.isEmpty() || loopback(target.host())) {
            return request;
        }
        if (!target.explicitPort() && running.get().servesTls(target.host())) {
            return request.connectingTo(new HostPort("127.0.0.1", running.get().tlsPort(), true), Route.SANDBOX);
        }
        // a sandbox session must not send a name to the real resolver and network unasked
        throw GctlsException.usage(target.host() + (running.get().servesTls(target.host())
                ? " is deployed in the sandbox, which serves it without a port"
                : " is not deployed in the sandbox") + ", and a sandbox session does not leave the sandbox by itself:"
                + " deploy it here first, or probe the real server with --connect " + target.host()
                + (target.explicitPort() ? ":" + target.port() : ""));
    }

    /** A loopback address or {@code localhost}: probing it never leaves this machine. */
    private static boolean loopback(String host) {
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.") || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1");
    }

    // ----------------------------------------------------------------------------- text view

    static void render(ProbeReport r, Output out) {
        out.println(out.style().bold("probe " + r.host()) + ": connected to " + r.connectedTo()
                + (r.routeNote().isEmpty() ? "" : " (" + r.routeNote() + ")"));
        row(out, "SNI", r.sni().isEmpty() ? "none (an IP address cannot be sent as SNI)" : r.sni());
        row(out, "protocol", r.protocol() + ", " + r.cipherSuite());
        row(out, "time", "TLS handshake " + ms(r.handshakeMs()) + " (TCP connect " + ms(r.connectMs()) + ")");
        row(out, "OCSP", r.ocspStapled() ? "stapled" : "not stapled");
        ProbeReport.ExpectedCertificate expected = r.expected();
        if (expected != null) {
            row(out, "expected", expected.matches()
                    ? out.style().ok("served leaf is --expect-cert") + " " + expected.file()
                    : out.style().error("served leaf is NOT --expect-cert") + " " + expected.file()
                            + " (expected SHA-256 " + expected.sha256() + ")");
        }
        out.println("");
        CertInspectCommand.render(new InspectionReport(r.verdict(), r.findings(), r.certificates(), r.network()), out);
    }

    private static void row(Output out, String name, String value) {
        out.println(String.format("  %-11s%s", name, value));
    }

    private static String ms(double millis) {
        return (millis >= 100 ? String.valueOf(Math.round(millis)) : String.valueOf(millis)) + " ms";
    }
}
