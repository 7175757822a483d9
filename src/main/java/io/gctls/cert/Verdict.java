package io.gctls.cert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;

/** The one-word answer of {@code cert inspect}: the worst severity among the findings. */
public enum Verdict {
    OK, WARN, ERROR;

    public static Verdict of(Collection<Finding> findings) {
        Verdict verdict = OK;
        for (Finding finding : findings) {
            Verdict v = switch (finding.severity()) {
                case ERROR -> ERROR;
                case WARN -> WARN;
                case INFO -> OK;
            };
            if (v.compareTo(verdict) > 0) {
                verdict = v;
            }
        }
        return verdict;
    }

    /** {@code ok}, {@code warn} or {@code error}: the form docs/findings.md "Verdicts" and the JSON document use. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
