package io.gctls.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gctls.api.ApiRequest;
import io.gctls.api.Backoff;
import io.gctls.api.RawRequest;
import io.gctls.api.TransportFailure;
import io.gctls.api.WaitNotice;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.GctlsException;
import io.gctls.core.Metrics;
import io.gctls.payload.CustomDomainPayload;
import io.gctls.testing.RecordingProgress;
import io.gctls.testing.ScriptedApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Deploy and reconciliation on a scripted API: every path of docs/reliability.md "Deploy: one domain live, never twice" that could create a duplicate. */
class DeployerTest {

    private static final String FP = "ab12cd34";
    private static final String EMPTY_LIST = "{\"entities\":[],\"pageNumber\":1,\"pageSize\":100,\"total\":0,\"pageCount\":0}";
    private ScriptedApi api = ScriptedApi.options().breaker(50, Duration.ofSeconds(30)).seed(5).build();
    private final Metrics metrics = new Metrics();
    private final List<String> progress = new ArrayList<>();
    private final CustomDomainPayload payload = new CustomDomainPayload("www.example.com", "LEAF", "KEY", null, "web",
            "TLSv1.2", true);

    private static String listOf(String id, String fingerprint) {
        return "{\"entities\":[{\"id\":\"" + id + "\",\"domain\":\"www.example.com\",\"status\":\"active\","
                + "\"certificateFingerprint\":\"" + fingerprint + "\"}],\"pageNumber\":1,\"pageSize\":100,\"total\":1,"
                + "\"pageCount\":1}";
    }

    private static String entity(String id) {
        return "{\"id\":\"" + id + "\",\"domain\":\"www.example.com\",\"status\":\"active\",\"createdDate\":"
                + "\"2026-12-01T10:00:00Z\"}";
    }

    private DeployResult deploy(boolean replace) {
        return deploy(replace, progress::add);
    }

    private DeployResult deploy(boolean replace, Consumer<String> listener) {
        CustomDomains domains = new CustomDomains(api.client, CustomDomains.DEFAULT_PATH, listener);
        Deployer deployer = new Deployer(domains, api.executor.settings(), new Backoff(Duration.ofMillis(500),
                Duration.ofSeconds(30), new SplittableRandom(5)), api.clock, metrics, api.client::pause);
        return deployer.deploy(payload, FP, replace, Cancellation.never(), listener);
    }

    private long sent(ApiRequest.Method method) {
        return api.sent().stream().filter(r -> r.method() == method).count();
    }

    @Test
    void aNewDomainIsLookedUpThenCreated() {
        api.transport.answer(200, EMPTY_LIST).answer(201, entity("d-1"));
        DeployResult result = deploy(false);
        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(result.id()).isEqualTo("d-1");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.reconciled()).isFalse();
        RawRequest lookup = api.sent().get(0);
        assertThat(lookup.query()).containsEntry("domain", "www.example.com");
        assertThat(api.sent().get(1).body().json()).contains("\"privateKey\" : \"KEY\"");
    }

    @Test
    void theSameCertificateAlreadyLiveIsSuccessWithNothingSent() {
        api.transport.answer(200, listOf("d-1", FP.toUpperCase()));
        DeployResult result = deploy(false);
        assertThat(result.action()).isEqualTo(DeployResult.UNCHANGED);
        assertThat(sent(ApiRequest.Method.POST)).isZero();
        assertThat(sent(ApiRequest.Method.PUT)).isZero();
    }

    @Test
    void anotherCertificateOnTheDomainNeedsReplace() {
        api.transport.answer(200, listOf("d-9", "ffff"));
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.API_REFUSED);
            assertThat(e.getMessage()).contains("www.example.com already exists (id d-9").contains("--replace");
        });
        assertThat(sent(ApiRequest.Method.POST)).isZero();

        api.transport.answer(200, listOf("d-9", "ffff")).answer(200, entity("d-9"));
        DeployResult replaced = deploy(true);
        assertThat(replaced.action()).isEqualTo(DeployResult.REPLACED);
        assertThat(api.sent().get(api.sent().size() - 1).url()).endsWith("/api/v2/customdomains/d-9");
    }

    @Test
    void aResetAfterTheServerStoredTheDomainIsReconciledWithoutASecondCreate() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, listOf("d-1", FP));
        DeployResult result = deploy(false);
        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.id()).isEqualTo("d-1");
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
        assertThat(progress).anySatisfy(l -> assertThat(l).contains("checking whether www.example.com was created"));
    }

    @Test
    void aServiceUnavailableCreateThatDidNotHappenIsSentAgain() {
        api.transport.answer(200, EMPTY_LIST).answer(503, "{\"code\":\"service.unavailable\"}").answer(200, EMPTY_LIST)
                .answer(201, entity("d-2"));
        DeployResult result = deploy(false);
        assertThat(result.id()).isEqualTo("d-2");
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(2);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("sent again"));
    }

    @Test
    void aTimedOutCreateFoundWithoutFingerprintCountsAsOursBecauseItWasAbsentBefore() {
        String noFingerprint = "{\"entities\":[" + entity("d-3") + "],\"pageCount\":1}";
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.TIMEOUT).answer(200, noFingerprint);
        DeployResult result = deploy(false);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.id()).isEqualTo("d-3");
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
    }

    @Test
    void anotherCertificateAppearingDuringTheDeployIsNotOverwrittenWithoutReplace() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, listOf("d-4", "eeee"));
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class,
                e -> assertThat(e.getMessage()).contains("meanwhile www.example.com already exists (id d-4"));
    }

    @Test
    void aConflictNamesTheExistingDomainAndReplaceUpdatesIt() {
        String conflict = "{\"message\":\"www.example.com exists\",\"code\":\"conflict\",\"status\":409,"
                + "\"contextId\":\"c-409\"}";
        api.transport.answer(200, EMPTY_LIST).answer(409, conflict).answer(200, listOf("d-5", "eeee"));
        assertThatThrownBy(() -> deploy(false)).hasMessageContaining("already exists (id d-5");

        api.transport.answer(200, EMPTY_LIST).answer(409, conflict).answer(200, listOf("d-5", "eeee"))
                .answer(200, entity("d-5"));
        assertThat(deploy(true).action()).isEqualTo(DeployResult.REPLACED);
    }

    @Test
    void aConflictForADomainThatIsNotListedSaysSo() {
        api.transport.answer(200, EMPTY_LIST).answer(409, "{\"code\":\"conflict\",\"status\":409}")
                .thenAlways(200, EMPTY_LIST);
        assertThatThrownBy(() -> deploy(true)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.API_REFUSED);
            assertThat(e.getMessage()).contains("409 conflict").contains("not listed").contains("after 6 lookups");
        });
        // not our create (none was unclear): a few looks, not the whole budget
        assertThat(api.waiter.total()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anUnreadableCreatedAnswerIsReconciled() {
        api.transport.answer(200, EMPTY_LIST).answer(201, "{\"id\": \"d-6\", ").answer(200, listOf("d-6", FP));
        DeployResult result = deploy(false);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.id()).isEqualTo("d-6");
    }

    @Test
    void anUnreadableCreatedAnswerForADomainThatDoesNotExistIsExitSix() {
        api.transport.answer(200, EMPTY_LIST).answer(201, "<html>oops").answer(200, EMPTY_LIST);
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("not the JSON expected").contains("is not listed afterwards");
        });
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
    }

    @Test
    void endlessAmbiguityIsBoundedAndNeverCreatesTwice() {
        api.transport.answer(200, EMPTY_LIST);
        for (int i = 0; i < 6; i++) {
            api.transport.fail(TransportFailure.Kind.RESET).answer(200, EMPTY_LIST);
        }
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("gave up after 6 create attempts");
        });
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(6);
    }

    @Test
    void aDeployIsOneDeployStepAndEachReconcilingLookupOneReconcileStep() {
        api.transport.answer(200, EMPTY_LIST).answer(503, "{}").answer(200, EMPTY_LIST).answer(201, entity("d-1"));
        deploy(false);
        assertThat(metrics.snapshot()).extracting(Metrics.StepStats::step, Metrics.StepStats::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("deploy", 1L),
                        org.assertj.core.groups.Tuple.tuple("reconcile", 1L));
    }

    private static final String HTML = "<html><body>502 Bad Gateway</body></html>";
    private static final String CHECK = "check with 'domains list --domain www.example.com'";

    @Test
    void aReconcilingLookupAnsweredWithAnInternalServerErrorIsRetriedAsARead() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET)
                .answer(500, "{\"code\":\"internal.server.error\",\"status\":500}").answer(200, listOf("d-1", FP));
        DeployResult result = deploy(false);
        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(result.reconciled()).isTrue();
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
    }

    @Test
    void aReconcilingLookupAnsweredWithHtmlOrGarbageIsLookedUpAgain() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, HTML)
                .answer(200, "{\"entities\": [ {\"id\"").answer(200, "{\"unexpected\":true}")
                .answer(200, listOf("d-1", FP));
        DeployResult result = deploy(false);
        assertThat(result.id()).isEqualTo("d-1");
        assertThat(result.reconciled()).isTrue();
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
        assertThat(sent(ApiRequest.Method.GET)).isEqualTo(5);
    }

    @Test
    void aReconcilingLookupThatMeetsAnOpenCircuitWaitsForItAndLooksAgain() {
        api = ScriptedApi.options().breaker(5, Duration.ofSeconds(30)).seed(5).build();
        api.transport.answer(200, EMPTY_LIST);
        for (int i = 0; i < 8; i++) {
            api.transport.fail(TransportFailure.Kind.RESET);
        }
        api.transport.answer(200, listOf("d-1", FP));
        DeployResult result = deploy(false);
        assertThat(result.reconciled()).isTrue();
        assertThat(result.id()).isEqualTo("d-1");
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
    }

    @Test
    void lookupsFailingPastTheBudgetSayTheCreateMayHaveReachedTheServerAndHowToCheck() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).thenAlways(200, HTML);
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("may have reached the server").contains(CHECK)
                    .contains("not the JSON expected");
        });
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(1);
        assertThat(api.clock.instant()).isBeforeOrEqualTo(ScriptedApi.DEFAULT_NOW.plus(
                api.executor.settings().maxTotal()));
    }

    @Test
    void aLookupRefusedWithA4xxAfterAnUnclearCreateStillSaysHowToCheck() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET)
                .answer(403, "{\"code\":\"missing.permissions\",\"status\":403}");
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.AUTH);
            assertThat(e.getMessage()).contains("403 missing.permissions").contains("may have reached the server")
                    .contains(CHECK);
        });
    }

    @Test
    void aConflictToOurOwnCreateWaitsForAListThatLags() {
        String conflict = "{\"code\":\"conflict\",\"status\":409}";
        // the first create was stored but its answer lost; the list shows it only some seconds later
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, EMPTY_LIST)
                .answer(409, conflict).answer(200, EMPTY_LIST).answer(200, EMPTY_LIST)
                .answer(200, "{\"entities\":[" + entity("d-7") + "],\"pageCount\":1}");
        DeployResult result = deploy(false);
        assertThat(result.action()).isEqualTo(DeployResult.CREATED);
        assertThat(result.id()).isEqualTo("d-7");
        assertThat(result.reconciled()).isTrue();
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(2);
        assertThat(api.waiter.total()).isPositive();
    }

    @Test
    void everyReconcilePauseOverASecondIsACountdownNamingTheLookupAndTheNotesSayWhatHappenedOnce() {
        String conflict = "{\"code\":\"conflict\",\"status\":409}";
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, EMPTY_LIST)
                .answer(409, conflict).answer(200, EMPTY_LIST).answer(200, EMPTY_LIST).answer(200, EMPTY_LIST)
                .answer(200, "{\"entities\":[" + entity("d-7") + "],\"pageCount\":1}");
        RecordingProgress terminal = new RecordingProgress();
        assertThat(deploy(false, terminal).id()).isEqualTo("d-7");
        assertThat(terminal.waits()).extracting(WaitNotice::delay)
                .isNotEmpty().containsExactlyElementsOf(RecordingProgress.overASecond(api.waiter));
        assertThat(terminal.waits()).allSatisfy(w -> assertThat(w.describe())
                .matches("www\\.example\\.com not listed yet: GET /api/v2/customdomains again in [0-9]+ s"
                        + " \\(lookup [0-9]+\\)"));
        assertThat(terminal.lines()).filteredOn(l -> l.contains("not listed yet")).hasSize(1);
        assertThat(terminal.lines()).noneMatch(l -> l.matches(".* in [0-9.]+ (ms|s|min)"));
    }

    @Test
    void theLookupAfterAnUnclearCreateAndAfterAFailedLookupAreCountdownsToo() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET)
                .answer(200, "<html>gateway</html>").answer(200, "not json").answer(200, "{\"entities\":")
                .answer(200, "[]")
                .answer(200, listOf("d-1", FP));
        RecordingProgress terminal = new RecordingProgress();
        assertThat(deploy(false, terminal).id()).isEqualTo("d-1");
        assertThat(terminal.waits()).extracting(WaitNotice::delay)
                .isNotEmpty().containsExactlyElementsOf(RecordingProgress.overASecond(api.waiter));
        assertThat(terminal.waits()).allSatisfy(w -> assertThat(w.describe()).matches("(checking whether "
                + "www\\.example\\.com was created: GET /api/v2/customdomains in [0-9]+ s|looking www\\.example\\.com up"
                + " failed: GET /api/v2/customdomains again in [0-9]+ s \\(lookup [0-9]+\\))"));
        assertThat(terminal.lines()).anySatisfy(l -> assertThat(l).contains("checking whether www.example.com was"
                + " created")).anySatisfy(l -> assertThat(l).startsWith("looking www.example.com up failed ("));
        assertThat(terminal.lines()).noneMatch(l -> l.matches(".* in [0-9.]+ (ms|s|min)"));
    }

    @Test
    void aConflictToOurOwnCreateThatNeverShowsSaysTheCreateMayHaveReachedTheServer() {
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, EMPTY_LIST)
                .answer(409, "{\"code\":\"conflict\",\"status\":409}").thenAlways(200, EMPTY_LIST);
        assertThatThrownBy(() -> deploy(false)).isInstanceOfSatisfying(GctlsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(e.getMessage()).contains("409 conflict").contains("may have reached the server")
                    .contains(CHECK);
        });
        assertThat(sent(ApiRequest.Method.POST)).isEqualTo(2);
        assertThat(sent(ApiRequest.Method.GET)).isGreaterThan(4);
    }

    @Test
    void ctrlCWhileLookingAfterAnUnclearCreateSaysTheCreateMayHaveReachedTheServer() {
        Cancellation ctrlC = Cancellation.create();
        api.waiter.onEachWait(d -> ctrlC.cancel());
        api.transport.answer(200, EMPTY_LIST).fail(TransportFailure.Kind.RESET).answer(200, EMPTY_LIST);
        CustomDomains domains = new CustomDomains(api.client, CustomDomains.DEFAULT_PATH, progress::add);
        Deployer deployer = new Deployer(domains, api.executor.settings(), new Backoff(Duration.ofMillis(500),
                Duration.ofSeconds(30), new SplittableRandom(5)), api.clock, metrics, api.client::pause);
        assertThatThrownBy(() -> deployer.deploy(payload, FP, false, ctrlC, progress::add))
                .isInstanceOfSatisfying(GctlsException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
                    assertThat(e.getMessage()).contains("may have reached the server").contains(CHECK);
                });
    }

    @Test
    void theNameSentIsTheNormalisedOneWhoeverBuiltThePayload() {
        api.transport.answer(200, EMPTY_LIST).answer(201, entity("d-1"));
        CustomDomains domains = new CustomDomains(api.client, CustomDomains.DEFAULT_PATH, progress::add);
        Deployer deployer = new Deployer(domains, api.executor.settings(), new Backoff(Duration.ofMillis(500),
                Duration.ofSeconds(30), new SplittableRandom(5)), api.clock, metrics, api.client::pause);
        CustomDomainPayload dotted = new CustomDomainPayload("WWW.Example.com.", "LEAF", "KEY", null, "web", "TLSv1.2",
                true);
        deployer.deploy(dotted, FP, false, Cancellation.never(), progress::add);
        assertThat(api.sent().get(0).query()).containsEntry("domain", "www.example.com");
        assertThat(api.bodies().get(0).get("domain").asString()).isEqualTo("www.example.com");
    }

    @Test
    void aBlankOrMalformedNameIsRefusedWithNothingSent() {
        CustomDomains domains = new CustomDomains(api.client, CustomDomains.DEFAULT_PATH, progress::add);
        Deployer deployer = new Deployer(domains, api.executor.settings(), new Backoff(Duration.ofMillis(500),
                Duration.ofSeconds(30), new SplittableRandom(5)), api.clock, metrics, api.client::pause);
        for (String name : List.of(" ", "www..example.com", "a".repeat(100_000))) {
            CustomDomainPayload bad = new CustomDomainPayload(name, "LEAF", "KEY", null, "web", "TLSv1.2", true);
            assertThatThrownBy(() -> deployer.deploy(bad, FP, false, Cancellation.never(), progress::add))
                    .isInstanceOfSatisfying(GctlsException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(e.getMessage()).contains("the domain").hasSizeLessThan(300);
                    });
            assertThatThrownBy(() -> domains.list(java.util.Optional.of(name), Cancellation.never()))
                    .isInstanceOf(GctlsException.class);
        }
        assertThat(api.sent()).isEmpty();
    }
}
