package io.gctls.deploy;

import io.gctls.api.ApiError;
import io.gctls.api.ApiException;
import io.gctls.api.ApiResponse;
import io.gctls.api.Attempt;
import io.gctls.api.Backoff;
import io.gctls.api.Progress;
import io.gctls.api.RetryBudget;
import io.gctls.api.RetrySettings;
import io.gctls.api.Waits;
import io.gctls.core.Cancellation;
import io.gctls.core.DomainName;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.CustomDomainPayload;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One domain live, never twice (docs/reliability.md "Deploy: one domain live, never twice"). The domain is looked up first:
 * the same certificate already there is success with nothing sent; another certificate there needs
 * {@code --replace} (a PUT, safe to repeat). A create is a POST that is never repeated blindly:
 * when it may have reached the server (5xx, reset, timeout, an unreadable 201) the domain is looked
 * up again, and only if it is still absent is the POST sent again. A lookup that fails is a read
 * and is tried again within the deploy's budget; a 409 to our create means the domain is there, so
 * a list that does not show it yet is asked again for a bounded time. Whenever gctls has to stop
 * without knowing, it says that the create may have reached the server and how to check.
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
        CustomDomainPayload named = named(payload);
        return timed("deploy", () -> {
            Run run = new Run(named, leafFingerprint, cancellation, progress, RetryBudget.start(settings, clock));
            return from(run, domains.find(named.domain(), cancellation), replace);
        });
    }

    /**
     * As {@link #deploy}, for a caller that has just listed the domains (a rotation of many):
     * {@code listed} is the domain as that list showed it, or empty when the list did not have it, so
     * no lookup is sent first. An unclear create or a conflict is still settled by looking it up.
     */
    public DeployResult deployListed(CustomDomainPayload payload, String leafFingerprint, Optional<CustomDomain> listed,
            boolean replace, Cancellation cancellation, Consumer<String> progress) {
        CustomDomainPayload named = named(payload);
        return timed("deploy", () -> from(new Run(named, leafFingerprint, cancellation, progress,
                RetryBudget.start(settings, clock)), listed, replace));
    }

    /**
     * The payload with its domain in the one form the API gets ({@link DomainName}): whoever built it,
     * a blank, malformed or differently written name never reaches a request.
     */
    private static CustomDomainPayload named(CustomDomainPayload payload) {
        String name = DomainName.normalize(payload.domain(), "the domain");
        return name.equals(payload.domain()) ? payload : new CustomDomainPayload(name, payload.certificate(),
                payload.privateKey(), payload.certificateChain(), payload.type(), payload.tlsVersion(),
                payload.ocspStapling());
    }

    private DeployResult from(Run run, Optional<CustomDomain> existing, boolean replace) {
        if (existing.isPresent()) {
            return onExisting(run, existing.get(), replace, "");
        }
        return create(run, replace);
    }

    /** The state of one deploy across its requests. */
    private static final class Run {
        final CustomDomainPayload payload;
        final String fingerprint;
        final Cancellation cancellation;
        final Consumer<String> progress;
        final RetryBudget budget;
        final List<String> notes = new ArrayList<>();
        long waitedMs;
        int creates;
        /** A create got no clear answer: from now on, stopping must say the domain may exist. */
        boolean unclear;
        boolean reconciled;

        Run(CustomDomainPayload payload, String fingerprint, Cancellation cancellation, Consumer<String> progress,
                RetryBudget budget) {
            this.payload = payload;
            this.fingerprint = fingerprint;
            this.cancellation = cancellation;
            this.progress = progress;
            this.budget = budget;
        }

        String domain() {
            return payload.domain();
        }

        /** What a user should run to see whether the domain was created after all. */
        String check() {
            return "check with 'domains list --domain " + payload.domain() + "'";
        }
    }

    private DeployResult create(Run run, boolean replace) {
        while (true) {
            run.creates++;
            ApiResponse response;
            try {
                response = domains.create(run.payload.toRequestJson(), run.cancellation);
            } catch (ApiException.Ambiguous e) {
                run.unclear = true;
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
                    throw cancelled(run);
                }
                throw e;
            }
            JsonNode body;
            try {
                body = response.json();
            } catch (ApiException malformed) {
                run.unclear = true;
                Optional<DeployResult> settled = reconcile(run, "the create answered " + response.status()
                        + " with a body that is not JSON", replace);
                if (settled.isPresent()) {
                    return settled.get();
                }
                throw new GctlsException(ExitCode.UNAVAILABLE, malformed.getMessage() + ", and " + run.domain()
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
     * success; absent means the create did not happen and may be sent again, within the budget.
     */
    private Optional<DeployResult> reconcile(Run run, String what, boolean replace) {
        String checking = "checking whether " + run.domain() + " was created";
        run.progress.accept(what + "; " + checking);
        Optional<CustomDomain> found = lookUp(run, what, backoff.delay(run.creates), checking, "");
        if (found.isEmpty()) {
            if (!run.budget.allows(run.creates, Duration.ZERO)) {
                throw new GctlsException(ExitCode.UNAVAILABLE, "deploy of " + run.domain() + " gave up after "
                        + run.creates + " create attempts over " + Waits.format(run.budget.spent()) + ": " + what
                        + ", and the domain was not listed afterwards; if it shows up later, the create reached the"
                        + " server: " + run.check());
            }
            run.notes.add(what + "; the domain was not there, so the create was sent again");
            return Optional.empty();
        }
        return Optional.of(settledBy(run, found.get(), replace, what, what + "; meanwhile "));
    }

    /**
     * The create was answered 409: the API says the domain exists. After an unclear create it is
     * most likely ours and only not listed yet (lists can lag behind writes), so the list is asked
     * again, with growing pauses, for as long as the budget allows.
     */
    private DeployResult onConflict(Run run, ApiException conflict, boolean replace) {
        String what = "the create was answered " + conflict.error().map(ApiError::summary).orElse("409");
        Optional<CustomDomain> existing = lookUp(run, what, Duration.ZERO, "", "");
        int looks = 1;
        while (existing.isEmpty()) {
            // the ceiling, not a random share of it: the point is to give the list time to catch up
            Duration wait = backoff.ceiling(looks);
            // after an unclear create the 409 is most likely ours: give the list all the time the budget has;
            // otherwise the domain is someone else's, and a few looks are enough to find its id
            boolean more = run.unclear ? run.budget.hasTimeFor(wait) : run.budget.allows(looks, wait);
            if (!more) {
                throw notListedAfterConflict(run, conflict, looks);
            }
            if (looks == 1) {
                run.progress.accept(what + ", but " + run.domain() + " is not listed yet; looking again");
            }
            looks++;
            existing = lookUp(run, what, wait, run.domain() + " not listed yet", "(lookup " + looks + ")");
        }
        return settledBy(run, existing.get(), replace, looks > 1 ? what + " and " + run.domain()
                + " was listed after " + looks + " lookups" : what, "");
    }

    private GctlsException notListedAfterConflict(Run run, ApiException conflict, int looks) {
        String looked = "; yet " + run.domain() + " is not listed under " + domains.path() + " after " + looks
                + " lookups over " + Waits.format(run.budget.spent());
        if (run.unclear) {
            return new GctlsException(ExitCode.UNAVAILABLE, conflict.getMessage() + looked + ". An earlier create got"
                    + " no clear answer, so it may have reached the server: " + run.check());
        }
        return new GctlsException(ExitCode.API_REFUSED, conflict.getMessage() + looked
                + ", so there is no id to replace; " + run.check());
    }

    /**
     * Looks the domain up after {@code wait}, as a read that may be tried again: a lookup that fails
     * (an outage past the request's own retries, an answer that is not the list, an open circuit) is
     * repeated with backoff, or after the circuit's pause, while the deploy's budget allows. When
     * it does not, or on Ctrl-C, or on a refusal, the error says what the create may have done.
     */
    private Optional<CustomDomain> lookUp(Run run, String what, Duration firstWait, String why, String after) {
        Duration wait = firstWait;
        int failures = 0;
        String next = "GET " + domains.path() + (after.isEmpty() ? "" : " again");
        while (true) {
            if (!run.budget.hasTimeFor(wait)) {
                throw new GctlsException(ExitCode.UNAVAILABLE, "deploy of " + run.domain() + " stopped after "
                        + Waits.format(run.budget.spent()) + ": " + what + ", and no lookup could tell whether the"
                        + " domain is there; the create may have reached the server: " + run.check());
            }
            Progress.pausing(run.progress, why, next, wait, after);
            pauseFor(run, wait);
            try {
                return timed("reconcile", () -> domains.find(run.domain(), run.cancellation));
            } catch (GctlsException e) {
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw cancelled(run);
                }
                if (e.exitCode() != ExitCode.UNAVAILABLE) {
                    throw new GctlsException(e.exitCode(), e.getMessage() + "; " + mayHaveReached(run, what));
                }
                failures++;
                if (!run.budget.allows(failures, Duration.ZERO)) {
                    throw new GctlsException(ExitCode.UNAVAILABLE, "deploy of " + run.domain() + ": " + what
                            + ", and looking it up failed " + failures + " times over "
                            + Waits.format(run.budget.spent()) + " (last: " + e.getMessage() + "); "
                            + mayHaveReached(run, what));
                }
                wait = backoff.delay(failures);
                if (e instanceof ApiException.CircuitOpen open) {
                    Duration untilOpen = Duration.between(clock.instant(), open.nextTry());
                    wait = untilOpen.compareTo(wait) > 0 ? untilOpen : wait;
                }
                run.progress.accept("looking " + run.domain() + " up failed (" + e.getMessage() + "); trying again");
                why = "looking " + run.domain() + " up failed";
                next = "GET " + domains.path() + " again";
                after = "(lookup " + (failures + 1) + ")";
            }
        }
    }

    private static String mayHaveReached(Run run, String what) {
        return "the create may have reached the server: " + run.check();
    }

    private void pauseFor(Run run, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            pause.pause(wait, run.cancellation);
        } catch (GctlsException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                throw cancelled(run);
            }
            throw e;
        }
        run.waitedMs += wait.toMillis();
    }

    private static GctlsException cancelled(Run run) {
        return new GctlsException(ExitCode.INTERRUPTED, "deploy of " + run.domain()
                + " cancelled; the create may have reached the server: " + run.check());
    }

    /**
     * The domain is there after an unclear create or a conflict. With our certificate, or, after an
     * unclear create, with a certificate the API does not name (it was absent before this deploy),
     * it is ours; otherwise it is someone else's and {@link #onExisting} decides.
     */
    private DeployResult settledBy(Run run, CustomDomain domain, boolean replace, String what, String context) {
        Optional<Boolean> ours = domain.holds(run.fingerprint);
        if (ours.orElse(run.unclear)) {
            run.reconciled = true;
            run.notes.add(what + "; " + run.domain() + " was there afterwards (id " + domain.id() + ") "
                    + (ours.isPresent() ? "with this certificate"
                            : "(the API does not say which certificate; it was absent before this deploy)")
                    + ", so the deploy succeeded without a second create");
            return result(run, DeployResult.CREATED, domain, run.fingerprint);
        }
        return onExisting(run, domain, replace, context);
    }

    private DeployResult onExisting(Run run, CustomDomain existing, boolean replace, String context) {
        if (existing.holds(run.fingerprint).orElse(false)) {
            run.notes.add(context + run.domain() + " already serves this certificate (id " + existing.id()
                    + "); nothing to change");
            return result(run, DeployResult.UNCHANGED, existing, run.fingerprint);
        }
        if (!replace) {
            throw new GctlsException(ExitCode.API_REFUSED, context + run.domain() + " already exists (id "
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
