package io.gctls.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.core.Environment;
import io.gctls.core.Prompter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of fixtures/certs/cases.tsv: the verdict and the exact set of finding codes. Together
 * the cases raise every code of docs/findings.md and, for each, hold healthy inputs that must not raise it.
 */
class CertFixtureCasesTest {

    private final CertInspector inspector = new CertInspector(Fixtures.CLOCK, Environment.of(Map.of()),
            TrustAnchors::jdkDefault, new FixtureNetwork(Fixtures.CLOCK), java.util.Optional.empty());

    static List<Fixtures.Case> cases() {
        return Fixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictAndCodes(Fixtures.Case c) {
        InspectionReport report = inspector.inspect(c.request(), Prompter.none()).report();
        String all = report.findings().stream().map(f -> f.severity() + " " + f.code() + ": " + f.message())
                .collect(Collectors.joining("\n"));
        assertThat(new TreeSet<>(report.codes())).as(all).isEqualTo(new TreeSet<>(c.codes()));
        assertThat(report.verdict()).as(all).isEqualTo(c.verdict());
    }

    /** The report streams its own JSON (see InspectionJsonTest); on every case it is the mapper's document. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonStreamedAsTheMapperWritesIt(Fixtures.Case c) {
        InspectionJsonTest.assertSameAsMapped(inspector.inspect(c.request(), Prompter.none()).report());
    }
}
