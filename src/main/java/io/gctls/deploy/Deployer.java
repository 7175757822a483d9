package io.gctls.deploy;

import io.gctls.api.ApiException;
import io.gctls.api.ApiResponse;
import io.gctls.api.Attempt;
import io.gctls.api.Backoff;
import io.gctls.api.RetrySettings;
import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.CustomDomainPayload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One domain live, never twice (SPEC §5). The domain is looked up first: the same certificate
 * already there is success with nothing sent; another certificate there needs {@code --replace}
 * (a PUT, safe to repeat). A create is a POST that is never repeated blindly: when it may have
 * reached the server (5xx, reset, timeout, an unreadable 201) the domain is looked up again, and
 * only if it is still absent is the POST sent again. The brief reported such a deploy as failed,
 * so the user's retry met a duplicate.
 */
public final class Deployer {

    private final CustomDomains domains;
    private final RetrySettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final Metrics metrics;
    private final PauseBetweenTries pause;

    /** How the deployer waits between a failed create and its reconciliation (the client's waiter). */
    @FunctionalInterface
    public interface PauseBetweenTries {
        void pause(Duration duration, Cancellation cancellation);
    }

    public Deployer(CustomDomains domains, RetrySettings settings, Backoff backoff, Clock clock, Metrics metrics,
            PauseBetweenTries pause) {
        this.domains = domains;
        this.settings = settings;
        this.backoff = backoff;
        this.clock = clock;
        this.metrics = metrics;
        this.pause = pause;
    }

    /**
     * Metrics: {@code deploy} is the whole deploy, lookups and retries included, once per deploy;
     * {@code reconcile} is each lookup made to settle an unclear create or a conflict.
     */
    public DeployResult deploy(CustomDomainPayload payload, String leafFingerprint, boolean replace,
            Cancellation cancellation, Consumer<String> progress) {
        return timed("deploy", () -> {
            Run run = new Run(payload, leafFingerprint, cancellation, progress, clock.instant());
            Optional<CustomDomain> existing = domains.find(payload.domain(), cancellation);
            if (existing.isPresent()) {
                return onExisting(run, existing.get(), replace, "");
            }
            return create(run, replace);
        });
    }

    /** The state of one deploy across its requests. */
    private static final class Run {
        final CustomDomainPayload payload;
        final String fingerprint;
        final Cancellation cancellation;
        final Consumer<String> progress;
        final Instant started;
        final List<String> notes = new ArrayList<>();
        long waitedMs;
        int creates;
        boolean reconciled;

        Run(CustomDomainPayload payload, String fingerprint, Cancellation cancellation, Consumer<String> progress,
                Instant started) {
            this.payload = payload;
            this.fingerprint = fingerprint;
            this.cancellation = cancellation;
            this.progress = progress;
            this.started = started;
        }
    }

    private DeployResult create(Run run, boolean replace) {
        while (true) {
            run.creates++;
            ApiResponse response;
            try {
                response = domains.create(run.payload.toRequestJson(), run.cancellation);
            } catch (ApiException.Ambiguous e) {
                Optional<DeployResult> settled = reconcile(run, "the create " + firstClause(e.getMessage()), replace);
                if (settled.isPresent()) {
                    return settled.get();
                }
                continue;
            } catch (ApiException e) {
                if (e.status() == 409) {
                    return onConflict(run, e, replace);
                }
                throw e;
            } catch (GctlsException e) {
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw new GctlsException(ExitCode.INTERRUPTED, "deploy of " + run.payload.domain()
                            + " cancelled; the create may have reached the server: check with 'domains list --domain "
                            + run.payload.domain() + "'");
                }
                throw e;
            }
            JsonNode body;
            try {
                body = response.json();
            } catch (ApiException malformed) {
                Optional<DeployResult> settled = reconcile(run, "the create answered " + response.status()
                        + " with a body that is not JSON", replace);
                if (settled.isPresent()) {
                    return settled.get();
                }
                throw new GctlsException(ExitCode.UNAVAILABLE, malformed.getMessage() + ", and " + run.payload.domain()
                        + " is not listed afterwards: the API is not behaving; nothing more was sent");
            }
            CustomDomain created = CustomDomain.from(body);
            return result(run, DeployResult.CREATED, created, created.certificateFingerprint().isEmpty()
                    ? run.fingerprint : created.certificateFingerprint());
        }
    }

    /**
     * After a create that may or may not have happened: wait a little, then look. Present with our
     * certificate (or, when the API does not say which, present at all: it was absent before) is
     * success; absent means the create did not happen and may be sent again, within the bounds.
     */
    private Optional<DeployResult> reconcile(Run run, String what, boolean replace) {
        int retry = run.creates;
        Duration spent = Duration.between(run.started, clock.instant());
        Duration wait = backoff.delay(retry);
        if (run.creates >= settings.maxAttempts() || spent.plus(wait).compareTo(settings.maxTotal()) > 0) {
            throw new GctlsException(ExitCode.UNAVAILABLE, "deploy of " + run.payload.domain() + " gave up after "
                    + run.creates + " create attempts over " + Waits.format(spent) + ": " + what
                    + ", and the domain was not there afterwards");
        }
        run.progress.accept(what + "; checking whether " + run.payload.domain() + " was created"
                + (wait.isZero() ? "" : " in " + Waits.format(wait)));
        pause.pause(wait, run.cancellation);
        run.waitedMs += wait.toMillis();
        Optional<CustomDomain> found = timed("reconcile", () -> domains.find(run.payload.domain(), run.cancellation));
        if (found.isEmpty()) {
            run.notes.add(what + "; the domain was not there, so the create was sent again");
            return Optional.empty();
        }
        CustomDomain domain = found.get();
        Optional<Boolean> ours = domain.holds(run.fingerprint);
        if (ours.orElse(true)) {
            run.reconciled = true;
            run.notes.add(what + "; the domain was there afterwards " + (ours.isPresent() ? "with this certificate"
                    : "(the API does not say which certificate; it was absent before this deploy)")
                    + ", so the deploy succeeded without a second create");
            return Optional.of(result(run, DeployResult.CREATED, domain, run.fingerprint));
        }
        return Optional.of(onExisting(run, domain, replace, what + "; meanwhile "));
    }

    private DeployResult onConflict(Run run, ApiException conflict, boolean replace) {
        Optional<CustomDomain> existing = timed("reconcile", () -> domains.find(run.payload.domain(),
                run.cancellation));
        if (existing.isEmpty()) {
            throw new GctlsException(ExitCode.API_REFUSED, conflict.getMessage() + "; yet " + run.payload.domain()
                    + " is not listed under " + domains.path() + ", so there is no id to replace");
        }
        return onExisting(run, existing.get(), replace, "");
    }

    private DeployResult onExisting(Run run, CustomDomain existing, boolean replace, String context) {
        if (existing.holds(run.fingerprint).orElse(false) && run.creates > 0) {
            run.reconciled = true;
            run.notes.add(context + run.payload.domain() + " is there with this certificate after an unclear create"
                    + " (id " + existing.id() + ")");
            return result(run, DeployResult.CREATED, existing, run.fingerprint);
        }
        if (existing.holds(run.fingerprint).orElse(false)) {
            run.notes.add(context + run.payload.domain() + " already serves this certificate (id " + existing.id()
                    + "); nothing to change");
            return result(run, DeployResult.UNCHANGED, existing, run.fingerprint);
        }
        if (!replace) {
            throw new GctlsException(ExitCode.API_REFUSED, context + run.payload.domain() + " already exists (id "
                    + existing.id() + (existing.status().isEmpty() ? "" : ", status " + existing.status())
                    + (existing.certificateExpires().isEmpty() ? "" : ", its certificate expires "
                            + existing.certificateExpires()) + "); run again with --replace to put this certificate on it");
        }
        ApiResponse response = domains.replace(existing.id(), run.payload.toRequestJson(), run.cancellation);
        CustomDomain replaced = parseOr(response, existing);
        return result(run, DeployResult.REPLACED, replaced, run.fingerprint);
    }

    private static CustomDomain parseOr(ApiResponse response, CustomDomain fallback) {
        try {
            CustomDomain parsed = CustomDomain.from(response.json());
            return parsed.id().isEmpty() ? fallback : parsed;
        } catch (ApiException e) {
            return fallback;
        }
    }

    private DeployResult result(Run run, String action, CustomDomain domain, String fingerprint) {
        List<Attempt> requests = domains.attempts();
        long waited = run.waitedMs + requests.stream().mapToLong(a -> a.waitedBefore().toMillis()).sum();
        return new DeployResult(action, domain.domain().isEmpty() ? run.payload.domain() : domain.domain(),
                domain.id(), domain.status(), domain.createdDate(), fingerprint, requests.size(), waited,
                run.reconciled, List.copyOf(run.notes), requests);
    }

    private <T> T timed(String step, java.util.function.Supplier<T> work) {
        try (Metrics.Timer timer = metrics.start(step)) {
            return work.get();
        }
    }

    private static String firstClause(String message) {
        int cut = message.indexOf("; it may have reached");
        String core = cut > 0 ? message.substring(0, cut) : message;
        return core.replaceFirst("^POST \\S+ ", "");
    }
}
