package io.gctls.shell.command;

import io.gctls.core.GctlsException;
import io.gctls.probe.HostPort;
import io.gctls.sandbox.Sandbox;
import io.gctls.sandbox.SandboxPki;
import io.gctls.shell.GctlsCommand;
import io.gctls.shell.Invocation;
import io.gctls.shell.Opt;
import io.gctls.shell.OptionSpec;
import io.gctls.shell.Outcome;
import io.gctls.shell.Output;
import io.gctls.shell.SandboxControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * {@code sandbox issue DOMAIN --out DIR}: a certificate from the sandbox's own CA, whose CA Issuers
 * and OCSP URLs point at the running sandbox, written as leaf.pem, leaf.key (0600), chain.pem and
 * root.pem. Deploy it without chain.pem to see chain repair from AIA; {@code sandbox revoke DOMAIN}
 * then makes the sandbox's OCSP responder answer "revoked".
 */
public class SandboxIssueCommand extends GctlsCommand {

    static final Opt<Path> OUT = OptionSpec.file("out",
            "the folder to create for leaf.pem, leaf.key, chain.pem and root.pem").mandatory();

    private final SandboxControl control;

    public SandboxIssueCommand(SandboxControl control) {
        super("sandbox issue", "Sandbox",
                "Issue a test certificate from the sandbox's CA (AIA and OCSP served by the sandbox)",
                List.of("sandbox issue www.example.com --out issued",
                        "cert inspect --cert issued/leaf.pem --key issued/leaf.key --trust issued/root.pem"),
                OUT);
        this.control = control;
    }

    @Override
    public String argumentsSynopsis() {
        return "DOMAIN";
    }

    /** What was written where. */
    public record IssueResult(String domain, String folder, String serial, List<String> files) {
    }

    @Override
    public Outcome run(Invocation invocation) {
        String domain = HostPort.parse(invocation.requiredArgument(0, "DOMAIN, e.g. sandbox issue www.example.com"),
                HostPort.HTTPS, "DOMAIN").host();
        Sandbox sandbox = control.require();
        Path folder = invocation.get(OUT);
        SandboxPki.Issued issued = sandbox.issue(domain);
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            throw GctlsException.input("not writing into " + folder + ": it exists (choose a new --out folder)");
        } catch (NoSuchFileException e) {
            throw GctlsException.input("cannot create " + folder + ": its parent folder does not exist");
        } catch (IOException e) {
            throw GctlsException.input("cannot create " + folder + ": " + io.gctls.core.InputFiles.why(e));
        }
        write(folder.resolve("leaf.pem"), issued.certificatePem(), false);
        write(folder.resolve("leaf.key"), issued.keyPem(), true);
        write(folder.resolve("chain.pem"), issued.intermediatePem(), false);
        write(folder.resolve("root.pem"), issued.rootPem(), false);
        IssueResult result = new IssueResult(domain, folder.toString(), issued.serial().toString(16),
                List.of("leaf.pem", "leaf.key", "chain.pem", "root.pem"));
        return Outcome.of(result, SandboxIssueCommand::render);
    }

    private static void write(Path file, String content, boolean secret) {
        try {
            if (secret) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw GctlsException.input("cannot write " + file + ": " + io.gctls.core.InputFiles.why(e));
        }
    }

    private static void render(IssueResult r, Output out) {
        out.println("issued " + r.domain() + " (serial " + r.serial() + ") from the sandbox's CA into " + r.folder()
                + ": " + String.join(", ", r.files()));
        out.println("  its chain is served at the sandbox's CA Issuers URL, its status at the sandbox's OCSP URL");
        out.println("  try: cert inspect --cert " + r.folder() + "/leaf.pem --key " + r.folder() + "/leaf.key --trust "
                + r.folder() + "/root.pem --domain " + r.domain());
    }
}
