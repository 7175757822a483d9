package io.gctls.steps;

import io.cucumber.java.Before;
import io.cucumber.java.en.Given;

/** Environment variables as a scenario sets them; nothing from the developer's shell leaks in. */
public class EnvironmentSteps {

    private final TestEnvironment environment;
    private final World world;

    public EnvironmentSteps(TestEnvironment environment, World world) {
        this.environment = environment;
        this.world = world;
    }

    @Before(order = 0)
    public void startWithAnEmptyEnvironment() {
        environment.clear();
    }

    @Given("the environment variable {word} is {string}")
    public void theEnvironmentVariableIs(String name, String value) {
        environment.set(name, world.expand(value));
    }
}
