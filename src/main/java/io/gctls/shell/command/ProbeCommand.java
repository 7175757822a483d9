package io.gctls.shell.command;

import io.gctls.cert.CertInspector;
import io.gctls.cert.InspectRequest;
import io.gctls.cert.InspectionReport;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Quote;
import io.gctls.core.Metrics;
import io.gctls.probe.HostPort;
import io.gctls.probe.ProbeReport;
import io.gctls.probe.ProbeRequest;
import io.gctls.probe.Prober;
import io.gctls.probe.Route;
import io.gctls.sandbox.Sandbox;
import io.gctls.shell.CertInputs;
import io.gctls.shell.CertificateReportView;
import io.gctls.shell.CompletionCache;
import io.gctls.shell.Completion;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.Views;
import io.gctls.shell.SandboxControl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code probe HOST[:PORT]}: a live TLS handshake report and the verdict (docs/findings.md "Verdicts") on the chain the
 * server sent for HOST. Exit 3 on an error verdict (including a leaf other than
 * {@code --expect-cert}), warnings succeed unless {@code --strict}, exit 6 when the connection or
 * handshake fails. In a sandbox session, a HOST deployed in the sandbox is probed on the sandbox's
 * TLS port; any other name leaves the sandbox only with {@code --connect} (a usage error otherwise),
 * so a sandbox session never reaches the real resolver or network unasked.
 */
public class ProbeCommand extends GctlsCommand {

    static final Opt<String> CONNECT = OptionSpec.value("connect", "ADDR[:PORT]",
            "connect to this address instead, still sending HOST as SNI (port default: HOST's)");
    static final Opt<Path> EXPECT_CERT = OptionSpec.file("expect-cert",
            "the certificate that should be served: error unexpected-cert if not");
    static final Opt<Duration> TIMEOUT = OptionSpec.duration("timeout", ProbeRequest.DEFAULT_TIMEOUT,
            "for the connect and for each read of the handshake").atLeast(Duration.ofMillis(1));
    static final Opt<Integer> WARN_DAYS = OptionSpec.integer("warn-days", "N", InspectRequest.DEFAULT_WARN_DAYS,
            "warn when the served leaf expires within N days").atLeast(0);
    static final Opt<Boolean> OFFLINE = OptionSpec.flag("offline",
            "no AIA, OCSP or CRL fetch (a stapled OCSP answer is still judged)");

    private final Prober prober;
    private final SandboxControl sandbox;
    private final Metrics metrics;
    private final Supplier<CompletionCache> completions;

    /** @param completions where Tab finds the hosts probed before ({@code probe <Tab>}) */
    public ProbeCommand(CertInspector inspector, SandboxControl sandbox, Metrics metrics,
            Supplier<CompletionCache> completions) {
        super("probe", "Certificates",
                "Connect to a live endpoint over TLS: what it serves, how, and the verdict on its chain",
                List.of("probe www.example.com",
                        "probe www.example.com:8443 --expect-cert new-leaf.pem",
                        "probe www.example.com --connect 192.0.2.10 --trust root.pem",
                        "probe www.example.com --output json"),
                CONNECT, EXPECT_CERT, CertInputs.TRUST, TIMEOUT, WARN_DAYS, OFFLINE);
        this.prober = new Prober(inspector);
        this.sandbox = sandbox;
        this.metrics = metrics;
        this.completions = completions;
    }

    @Override
    public String argumentsSynopsis() {
        return "HOST[:PORT]";
    }

    @Override
    public Completion argumentCompletion() {
        return Completion.HOSTS;
    }

    @Override
    public Outcome run(Invocation invocation) {
        ProbeRequest request = request(invocation);
        ProbeReport report;
        try (Metrics.Timer timer = metrics.start("probe")) {
            report = prober.probe(request, invocation.cancellation());
        }
        completions.get().rememberHost(request.target().host());
        return Outcome.of(report, ProbeCommand::render, Outcome.exitCode(report.verdict()));
    }

    private ProbeRequest request(Invocation invocation) {
        if (invocation.arguments().size() > 1) {
            throw GctlsException.usage("'probe' takes one HOST[:PORT], not " + invocation.arguments().size()
                    + " (" + Quote.shortened(String.join(" ", invocation.arguments()), Quote.LONGEST) + ")");
        }
        HostPort target = HostPort.parse(invocation.requiredArgument(0, "HOST[:PORT], e.g. probe www.example.com"),
                HostPort.HTTPS, "HOST");
        ProbeRequest request = ProbeRequest.of(target).withTimeout(invocation.get(TIMEOUT))
                .withWarnDays(invocation.get(WARN_DAYS)).withExpectCert(invocation.optional(EXPECT_CERT).orElse(null))
                .withTrust(invocation.optional(CertInputs.TRUST).orElse(null)).withOffline(invocation.get(OFFLINE));
        Optional<String> connect = invocation.optional(CONNECT);
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
        Views.field(out, "SNI", r.sni().isEmpty() ? "none (an IP address cannot be sent as SNI)" : r.sni());
        Views.field(out, "protocol", r.protocol() + ", " + r.cipherSuite());
        Views.field(out, "time", "TLS handshake " + ms(r.handshakeMs()) + " (TCP connect " + ms(r.connectMs()) + ")");
        Views.field(out, "OCSP", r.ocspStapled() ? "stapled" : "not stapled");
        ProbeReport.ExpectedCertificate expected = r.expected();
        if (expected != null) {
            Views.field(out, "expected", expected.matches()
                    ? out.style().ok("served leaf is --expect-cert") + " " + expected.file()
                    : out.style().error("served leaf is NOT --expect-cert") + " " + expected.file()
                            + " (expected SHA-256 " + Views.fingerprint(expected.sha256()) + ")");
        }
        out.println("");
        CertificateReportView.render(new InspectionReport(r.verdict(), r.findings(), r.certificates(), r.network()),
                out);
    }

    private static String ms(double millis) {
        return (millis >= 100 ? String.valueOf(Math.round(millis)) : String.valueOf(millis)) + " ms";
    }
}
