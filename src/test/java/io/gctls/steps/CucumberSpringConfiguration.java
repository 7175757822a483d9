package io.gctls.steps;

import io.cucumber.spring.CucumberContextConfiguration;
import io.cucumber.spring.ScenarioScope;
import io.gctls.GctlsApplication;
import io.gctls.shell.GctlsShell;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One Spring context for the whole Cucumber run: the same beans the product uses. Scenarios
 * drive it through {@link GctlsDriver}, which enters where {@code main} does.
 */
@CucumberContextConfiguration
@SpringBootTest(classes = {GctlsApplication.class, CucumberSpringConfiguration.Harness.class},
        properties = {"spring.main.lazy-initialization=true", "spring.main.banner-mode=off"})
public class CucumberSpringConfiguration {

    @TestConfiguration(proxyBeanMethods = false)
    static class Harness {
        @Bean
        GctlsDriver gctlsDriver(GctlsShell shell) {
            return new GctlsDriver(shell);
        }

        /** Replaces the real process environment for every bean that reads variables. */
        @Bean
        @Primary
        TestEnvironment testEnvironment() {
            return new TestEnvironment();
        }

        @Bean
        @ScenarioScope
        World world() {
            return new World();
        }
    }
}
