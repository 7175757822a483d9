package io.gctls.audit;

import static io.gctls.audit.AuditFixtures.T;
import static io.gctls.audit.AuditFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.gctls.api.ApiClient;
import io.gctls.api.Circuits;
import io.gctls.api.HttpTransport;
import io.gctls.api.RawRequest;
import io.gctls.api.RawResponse;
import io.gctls.api.RequestExecutor;
import io.gctls.api.RetrySettings;
import io.gctls.core.Cancellation;
import io.gctls.core.ExitCode;
import io.gctls.core.Json;
import io.gctls.testing.MutableClock;
import io.gctls.testing.RecordingWaiter;
import io.gctls.testing.ScriptedApi;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How a query reads its pages against servers that are not what gctls asked for: one that caps its
 * pages at 25, one that lists newest first (so events arriving meanwhile shift its pages), one that
 * fails part-way, one that repeats itself. The server is an in-memory real-time query endpoint.
 */
class AuditReaderTest {

    /** The real-time query endpoint over a list of events, newest first or oldest first, capped pages. */
    private static class Server implements HttpTransport {
        final List<Map<String, Object>> events = new ArrayList<>();
        int cap = 100;
        boolean newestFirst;
        boolean saysPageSize = true;
        /** Before answering page n, this many events arrive (newest first lists shift). */
        Map<Integer, Integer> arriveBeforePage = new LinkedHashMap<>();
        IntPredicate failsPage = n -> false;
        int requests;
        int arrived;

        Server(int count) {
            for (int i = 0; i < count; i++) {
                events.add(message("e-" + i, T.minus(Duration.ofHours(20)).plusSeconds(10L * i), "Update", "d-1"));
            }
        }

        @Override
        public synchronized Future<RawResponse> send(RawRequest request) {
            requests++;
            JsonNode body = Json.mapper().readTree(request.body().json());
            int page = body.get("pageNumber").asInt();
            int size = Math.min(body.get("pageSize").asInt(), cap);
            if (failsPage.test(page)) {
                return Future.succeededFuture(RawResponse.of(503, "{\"code\":\"service.unavailable\",\"status\":503,"
                        + "\"message\":\"down\"}", Map.of()));
            }
            for (int i = 0; i < arriveBeforePage.getOrDefault(page, 0); i++) {
                events.add(message("late-" + arrived++, T.minusSeconds(5), "Update", "d-1"));
            }
            arriveBeforePage.remove(page);
            List<Map<String, Object>> ordered = new ArrayList<>(events);
            if (newestFirst) {
                java.util.Collections.reverse(ordered);
            }
            int from = Math.min((page - 1) * size, ordered.size());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("entities", ordered.subList(from, Math.min(from + size, ordered.size())));
            answer.put("pageNumber", page);
            if (saysPageSize) {
                answer.put("pageSize", size);
            }
            answer.put("total", ordered.size());
            answer.put("pageCount", (ordered.size() + size - 1) / size);
            return Future.succeededFuture(RawResponse.of(200, Json.compact(answer), Map.of()));
        }
    }

    private final List<String> progress = new ArrayList<>();
    private final MutableClock clock = MutableClock.fixed(T);

    private AuditResult read(Server server, AuditLimits limits) {
        RetrySettings settings = RetrySettings.defaults();
        RequestExecutor executor = new RequestExecutor(server, new RecordingWaiter(clock), clock, settings,
                new Circuits(ScriptedApi.sharedVertx(), clock, 50, Duration.ofSeconds(30)), new SplittableRandom(3));
        ApiClient client = new ApiClient(executor, "https://api.example.test", new ScriptedApi.StaticToken());
        AuditQuery query = new AuditQuery(T.minus(Duration.ofDays(1)), T, AuditSettings.defaults().filter(), limits);
        return new AuditReader(new RealtimeAuditSource(client), clock).read(query, Cancellation.never(),
                progress::add);
    }

    private static List<String> ids(AuditResult result) {
        return result.events().stream().map(AuditEvent::id).toList();
    }

    @Test
    void aServerCappingPagesAt25Gives5000EventsEachOnceAndSaysSo() {
        Server server = new Server(5000);
        server.cap = 25;
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.stopped()).isEmpty();
        assertThat(result.events()).hasSize(5000);
        assertThat(new HashSet<>(ids(result))).hasSize(5000);
        assertThat(result.pages()).isEqualTo(200);
        assertThat(result.pageSize()).isEqualTo(25);
        assertThat(progress).contains("the API serves pages of 25 events, not the 100 asked for; reading on in pages"
                + " of 25");
    }

    @Test
    void aServerCappingPagesWithoutSayingSoIsLearnedFromThePagesToo() {
        Server server = new Server(5000);
        server.cap = 25;
        server.saysPageSize = false;
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.events()).hasSize(5000);
        assertThat(result.pageSize()).isEqualTo(25);
    }

    @Test
    void anExplicitPageBoundStopsWithTheEventsReadAndThePageSizeTheServerHonours() {
        Server server = new Server(5000);
        server.cap = 25;
        AuditResult result = read(server, new AuditLimits(100, 100, Duration.ofMinutes(5)));
        assertThat(result.events()).hasSize(2500);
        assertThat(result.stopped()).hasValueSatisfying(stop -> {
            assertThat(stop.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(stop.message()).contains("still had more after 100 pages of 25 (the API's page size; 100 were"
                    + " asked for), 2500 events read (next: page 101); stopped at --max-pages 100");
        });
    }

    @Test
    void theEventBoundStopsWithTheEventsRead() {
        Server server = new Server(5000);
        AuditResult result = read(server, new AuditLimits(100, AuditLimits.NO_PAGE_BOUND, 1000,
                Duration.ofMinutes(5)));
        assertThat(result.events()).hasSize(1000);
        assertThat(result.stopped()).hasValueSatisfying(stop -> assertThat(stop.message())
                .contains("still had more after 1000 events in 10 pages").contains("stopped at the bound of 1000"));
    }

    @Test
    void lateEventsShiftingANewestFirstListingByExactlyOnePageAreNotARepeatingServer() {
        Server server = new Server(5000);
        server.newestFirst = true;
        server.arriveBeforePage.put(2, 100); // a page's worth arrives after page 1 was read
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.stopped()).isEmpty();
        assertThat(ids(result)).filteredOn(id -> id.startsWith("e-")).hasSize(5000).doesNotHaveDuplicates();
        assertThat(result.repeated()).isEqualTo(100);
    }

    @Test
    void shiftsOfDifferentSizesLoseNothingAndRepeatNothing() {
        for (int shift : new int[] {1, 37, 99, 100, 101, 250}) {
            Server server = new Server(1000);
            server.newestFirst = true;
            server.cap = 25;
            server.arriveBeforePage.put(2, shift);
            AuditResult result = read(server, AuditLimits.defaults());
            assertThat(result.stopped()).as("shift " + shift).isEmpty();
            assertThat(ids(result)).as("shift " + shift).filteredOn(id -> id.startsWith("e-")).hasSize(1000)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aPageFailingPastTheRetriesStopsWithTheEventsReadAndSaysWhereAndWhy() {
        Server server = new Server(500);
        server.failsPage = page -> page == 3;
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.events()).hasSize(200);
        assertThat(result.stopped()).hasValueSatisfying(stop -> {
            assertThat(stop.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(stop.message()).startsWith("audit query stopped at page 3: POST /api/v2/audits/query/realtime"
                    + " failed: 503 service.unavailable: down").endsWith("; the 200 events read before it are shown");
        });
    }

    @Test
    void theFirstPageFailingIsAPlainError() {
        Server server = new Server(500);
        server.failsPage = page -> true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(server, AuditLimits.defaults()))
                .isInstanceOfSatisfying(io.gctls.core.GctlsException.class, e ->
                        assertThat(e.getMessage()).startsWith("POST /api/v2/audits/query/realtime failed: 503"));
    }

    @Test
    void aServerIgnoringThePageNumberIsStoppedAfterThreeIdenticalPagesWithTheEventsRead() {
        Server server = new Server(500) {
            @Override
            public synchronized Future<RawResponse> send(RawRequest request) {
                requests++;
                return Future.succeededFuture(RawResponse.of(200, AuditFixtures.realtimePage(1, 100, 5,
                        AuditFixtures.events(0, 100)), Map.of()));
            }
        };
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.events()).hasSize(100);
        assertThat(server.requests).isEqualTo(3);
        assertThat(result.stopped()).hasValueSatisfying(stop -> assertThat(stop.message())
                .contains("is repeating itself: pages 1 to 3 hold the same 100 events"));
    }

    @Test
    void aServerGoingRoundInCirclesIsStoppedAfterTenPagesWithNothingNew() {
        Server server = new Server(500) {
            @Override
            public synchronized Future<RawResponse> send(RawRequest request) {
                requests++;
                int page = Json.mapper().readTree(request.body().json()).get("pageNumber").asInt();
                int from = page % 2 == 0 ? 0 : 100; // pages A, B, A, B, ...
                return Future.succeededFuture(RawResponse.of(200, AuditFixtures.realtimePage(page, 100, 1000,
                        AuditFixtures.events(from, from + 100)), Map.of()));
            }
        };
        AuditResult result = read(server, AuditLimits.defaults());
        assertThat(result.events()).hasSize(200);
        assertThat(server.requests).isEqualTo(12);
        assertThat(result.stopped()).hasValueSatisfying(stop -> assertThat(stop.message())
                .contains("the last 10 pages held only events of earlier pages"));
    }
}
