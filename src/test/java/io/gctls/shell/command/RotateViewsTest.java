package io.gctls.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.cert.Severity;
import io.gctls.cert.Verdict;
import io.gctls.rotate.FleetStatus;
import io.gctls.rotate.Rotations;
import io.gctls.sandbox.SeedResult;
import io.gctls.shell.Output;
import io.gctls.shell.OutputFormat;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotate, domains status and sandbox seed text views are made of the shared view kit (shell/Views). */
class RotateViewsTest {

    private static final String SHA = "ab".repeat(32);
    private static final String SHA_TEXT = String.join(":", java.util.Collections.nCopies(32, "AB"));

    private final StringWriter out = new StringWriter();
    private final Output output = new Output(out, new StringWriter(), OutputFormat.TEXT, false);

    @Test
    void rotateStatusFieldsAlignLikeEveryOtherView() {
        RotateStatusCommand.render(new Rotations.Status("r-1", "/s/r-1.jsonl", "--dir fleet", "https://api", "t0", "t1",
                3, 1, 0, 0, 0, 1, 1, false, true, "gctls rotate apply --resume r-1"), output);
        assertThat(out.toString().lines()).containsExactly(
                "rotation r-1 (not finished)",
                "  source       --dir fleet",
                "  API          https://api",
                "  started      t0",
                "  last         t1",
                "  domains      3: 1 done, 0 refused, 0 failed, 0 parked, 1 in flight when it stopped, 1 not started",
                "  journal      /s/r-1.jsonl (its last line was cut short; ignored)",
                "  resume       gctls rotate apply --resume r-1");
    }

    @Test
    void sandboxSeedFieldsAlign() {
        SandboxSeedCommand.render(new SeedResult(List.of("fleet-001.example.com"), List.of(), Path.of("/f"),
                Path.of("/f/root.pem")), output);
        assertThat(out.toString().lines()).containsExactly(
                "seeded 1 domain (fleet-001.example.com to fleet-001.example.com), 0 expiring within days",
                "  new bundles  /f/<domain>/{cert,key,chain}.pem",
                "  their root   /f/root.pem",
                "  next         domains status --probe; rotate plan --dir /f; rotate apply --dir /f");
    }

    @Test
    void fleetDriftShowsBothFingerprintsInTheTextForm() {
        FleetStatus.DomainHealth drifted = new FleetStatus.DomainHealth("a.example.com", "id-a", "active",
                "2030-01-01T00:00:00Z", 1L, SHA, "TLSv1.2", Verdict.WARN, List.of(new FleetStatus.Health(Severity.WARN,
                        FleetStatus.DRIFT, "the server sends a leaf other than the deployed one")),
                new FleetStatus.Served("TLSv1.3", "cd".repeat(32), true, Verdict.OK, List.of()));
        DomainsStatusCommand.render(new FleetStatus.Report(1, 0, 1, 0, 30, true, List.of(drifted)), output);
        assertThat(out.toString()).contains("|a.example.com|warn  |1 day left |")
                .contains("warn a.example.com: drift: the server sends a leaf other than the deployed one\n"
                        + "  served       " + SHA_TEXT.replace("AB", "CD") + "\n"
                        + "  deployed     " + SHA_TEXT + "\n")
                .contains("1 domain: 0 ok, 1 warn, 0 error (warning at 30 days, probed)")
                .doesNotContain(SHA);
    }

    @Test
    void aShortRunIsJudgedAgainstOneWindowAndALongOneByItsRate() {
        RotateApplyCommand.render(summary(40, 6_500, 369.2, 0.333), output);
        // 150 + the list at 120/min: 120 at once, the other 31 when the next window opens
        RotateApplyCommand.render(summary(150, 60_650, 148.4, 0.989), output);
        assertThat(out.toString())
                .contains("40 of the 120 requests one minute's window allows (0.33)")
                .contains("148 requests/min of 120 allowed: 60.7 s where the limit needs 60.0 s (0.99)")
                .doesNotContain("369 requests/min");
    }

    private static io.gctls.rotate.RotationSummary summary(int requests, long wallMs, double perMinute,
            double ofAllowed) {
        return new io.gctls.rotate.RotationSummary("r-1", "/s/r-1.jsonl", requests, requests, 0, 0, 0, 0, 0, 0, 0, 0,
                10, wallMs, requests, 1, 0, 1.0, perMinute, 120, ofAllowed, "", "", 0);
    }
}
