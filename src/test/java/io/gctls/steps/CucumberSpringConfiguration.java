package io.gctls.steps;

import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import io.gctls.GctlsApplication;
import io.gctls.api.ApiRuntime;
import io.gctls.api.Circuits;
import io.gctls.api.VertxHttpTransport;
import io.gctls.auth.ApiSession;
import io.gctls.core.Metrics;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.SandboxControl;
import io.gctls.testing.RecordingWaiter;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One Spring context for the whole Cucumber run: the product's beans, with three replaced so that
 * scenarios are fast and deterministic: the environment (a map), the clock (the sandbox's, which
 * scenarios move ahead), and the API runtime's waiter (records waits and moves that clock instead
 * of sleeping). The network, Vert.x, retries and circuit breakers are the real ones.
 */
@CucumberContextConfiguration
@SpringBootTest(classes = {GctlsApplication.class, CucumberSpringConfiguration.Harness.class},
        properties = {"spring.main.lazy-initialization=true", "spring.main.banner-mode=off"})
public class CucumberSpringConfiguration {

    @TestConfiguration(proxyBeanMethods = false)
    static class Harness {
        @Bean
        GctlsDriver gctlsDriver(GctlsShell shell, ApiSession session, Metrics metrics, SandboxControl sandbox,
                ApiRuntime runtime, PayloadFactory payloads) {
            return new GctlsDriver(shell, session, metrics, sandbox, runtime, payloads);
        }

        /** Replaces the real process environment for every bean that reads variables. */
        @Bean
        @Primary
        TestEnvironment testEnvironment() {
            return new TestEnvironment();
        }

        @Bean
        @Primary
        Clock testClock() {
            return ApiStub.clock();
        }

        @Bean
        RecordingWaiter recordingWaiter() {
            return new RecordingWaiter(ApiStub.clock());
        }

        @Bean(destroyMethod = "close")
        @Primary
        ApiRuntime testApiRuntime(RecordingWaiter waiter) {
            Vertx vertx = Vertx.vertx();
            return new ApiRuntime(vertx, new VertxHttpTransport(vertx, Duration.ofSeconds(5), "gctls-test"), waiter,
                    ApiStub.clock(), new Circuits(vertx, ApiStub.clock(), 5, Duration.ofSeconds(30)),
                    new SplittableRandom(42));
        }

        @Bean
        @ScenarioScope
        World world() {
            return new World();
        }
    }
}
