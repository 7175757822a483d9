package io.gctls.steps;

import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import io.gctls.api.ApiRuntime;
import io.gctls.api.Circuits;
import io.gctls.api.VertxHttpTransport;
import io.gctls.auth.ApiSession;
import io.gctls.auth.ProfileStore;
import io.gctls.cert.CertInspector;
import io.gctls.core.Metrics;
import io.gctls.core.XdgDirs;
import io.gctls.shell.ApiAccess;
import io.gctls.shell.Components;
import io.gctls.shell.GctlsShell;
import io.gctls.shell.PayloadFactory;
import io.gctls.shell.SandboxControl;
import io.gctls.testing.RecordingWaiter;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ContextConfiguration;

/**
 * One object graph for the whole Cucumber run: the product's own {@link Components}, with three
 * services replaced so that scenarios are fast and deterministic: the environment (a map), the clock
 * (the sandbox's, which scenarios move ahead), and the API runtime's waiter (records waits and moves
 * that clock instead of sleeping). The network, Vert.x, retries and circuit breakers are the real ones.
 *
 * <p>Spring here only hands these objects to the step classes' constructors (cucumber-spring) and
 * gives each scenario its own {@link World}; the product itself never starts a Spring context.
 */
@CucumberContextConfiguration
@ContextConfiguration(classes = CucumberSpringConfiguration.Harness.class)
public class CucumberSpringConfiguration {

    @Configuration(proxyBeanMethods = false)
    static class Harness {

        /** Replaces the real process environment for everything that reads variables. */
        @Bean
        TestEnvironment testEnvironment() {
            return new TestEnvironment();
        }

        @Bean
        RecordingWaiter recordingWaiter() {
            return new RecordingWaiter(ApiStub.clock());
        }

        @Bean(destroyMethod = "close")
        Components components(TestEnvironment environment, RecordingWaiter waiter) {
            return Components.create(new Components.Overrides()
                    .environment(environment)
                    .clock(ApiStub.clock())
                    .apiRuntime(clock -> testRuntime(clock, waiter)));
        }

        static ApiRuntime testRuntime(Clock clock, RecordingWaiter waiter) {
            Vertx vertx = Vertx.vertx();
            return new ApiRuntime(vertx, new VertxHttpTransport(vertx, Duration.ofSeconds(5), "gctls-test"), waiter,
                    clock, new Circuits(vertx, clock, 5, Duration.ofSeconds(30)), new SplittableRandom(42));
        }

        // The graph's services, for the step classes' constructors

        @Bean
        GctlsShell gctlsShell(Components components) {
            return components.shell();
        }

        @Bean
        ApiRuntime apiRuntime(Components components) {
            return components.apiRuntime();
        }

        @Bean
        ApiSession apiSession(Components components) {
            return components.apiSession();
        }

        @Bean
        ApiAccess apiAccess(Components components) {
            return components.apiAccess();
        }

        @Bean
        Metrics metrics(Components components) {
            return components.metrics();
        }

        @Bean
        XdgDirs xdgDirs(Components components) {
            return components.dirs();
        }

        @Bean
        Clock clock(Components components) {
            return components.clock();
        }

        @Bean
        ProfileStore profileStore(Components components) {
            return components.profiles();
        }

        @Bean
        CertInspector certInspector(Components components) {
            return components.certInspector();
        }

        @Bean
        SandboxControl sandboxControl(Components components) {
            return components.sandbox();
        }

        @Bean
        PayloadFactory payloadFactory(Components components) {
            return components.payloads();
        }

        @Bean
        GctlsDriver gctlsDriver(Components components) {
            return new GctlsDriver(components.shell(), components.apiSession(), components.metrics(),
                    components.sandbox(), components.apiRuntime(), components.payloads());
        }

        @Bean
        @ScenarioScope
        World world() {
            return new World();
        }
    }
}
