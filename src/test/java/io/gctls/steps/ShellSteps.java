package io.gctls.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import io.gctls.core.Json;

/**
 * Steps every feature shares: run gctls one-shot, from a command file or at the prompt, and check
 * exit codes, output and JSON. Command lines are written as a user types them in bash.
 */
public class ShellSteps {

    private final GctlsDriver driver;
    private final World world;

    public ShellSteps(GctlsDriver driver, World world) {
        this.driver = driver;
        this.world = world;
    }

    @Given("a file {string} containing:")
    public void aFileContaining(String name, String content) throws IOException {
        Path file = world.tmp().resolve(world.expand(name));
        Files.createDirectories(file.getParent());
        Files.writeString(file, world.expand(content), StandardCharsets.UTF_8);
    }

    @When("I run {string}")
    public void iRun(String commandLine) {
        world.last(driver.oneShot(world.expand(commandLine)));
    }

    @When("I run {string} in the same session")
    public void iRunInTheSameSession(String commandLine) {
        world.last(driver.sameSession(world.expand(commandLine)));
    }

    @When("I run the command file:")
    public void iRunTheCommandFile(String content) throws IOException {
        Path file = world.tmp().resolve("run.gctls");
        Files.writeString(file, world.expand(content), StandardCharsets.UTF_8);
        world.last(driver.oneShot(List.of("@" + file)));
    }

    @When("I type at the prompt:")
    public void iTypeAtThePrompt(String lines) {
        world.last(driver.prompt(world.expand(lines) + "\n"));
    }

    /**
     * The README's "A first session" block, pasted line by line as a newcomer would: the prompt
     * text dropped, continuation lines and comments exactly as printed.
     */
    @When("I paste the README's first session at the prompt")
    public void iPasteTheReadmesFirstSession() throws IOException {
        List<String> block = readmeBlock("## A first session");
        assertThat(block.get(0)).as("the block starts the shell").isEqualTo("$ scripts/gctls --sandbox");
        StringBuilder typed = new StringBuilder();
        for (String line : block.subList(1, block.size())) {
            typed.append(line.replaceFirst("^gctls\\(sandbox\\)> ", "")).append('\n');
        }
        world.last(driver.prompt(typed.toString(), "--sandbox"));
    }

    static List<String> readmeBlock(String heading) throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(heading);
        assertThat(start).as("README has " + heading).isNotNegative();
        int open = start + 1;
        while (!readme.get(open).startsWith("```")) {
            open++;
        }
        int close = open + 1;
        while (!readme.get(close).startsWith("```")) {
            close++;
        }
        return readme.subList(open + 1, close);
    }

    @When("I type at the prompt with {string}:")
    public void iTypeAtThePromptWith(String launchFlags, String lines) {
        world.last(driver.prompt(world.expand(lines) + "\n", launchFlags.split(" ")));
    }

    @When("I run the command file with {string}:")
    public void iRunTheCommandFileWith(String launchFlags, String content) throws IOException {
        Path file = world.tmp().resolve("run.gctls");
        Files.writeString(file, world.expand(content), StandardCharsets.UTF_8);
        List<String> args = new java.util.ArrayList<>(List.of(launchFlags.split(" ")));
        args.add("@" + file);
        world.last(driver.oneShot(args));
    }

    @Then("the exit code is {int}")
    public void theExitCodeIs(int expected) {
        assertThat(world.last().exitCode()).as(describe()).isEqualTo(expected);
    }

    @Then("stdout contains {string}")
    public void stdoutContains(String text) {
        assertThat(world.last().stdout()).as(describe()).contains(world.expand(text));
    }

    @Given("{string} is a word of {int} letters")
    public void isAWordOfLetters(String variable, int length) {
        world.define(variable.replaceAll("^\\$\\{|}$", ""), "x".repeat(length));
    }

    @Then("stderr is shorter than {int} characters")
    public void stderrIsShorterThan(int length) {
        assertThat(world.last().stderr().length()).as(describe()).isLessThan(length);
    }

    @Then("stdout matches {string}")
    public void stdoutMatches(String regex) {
        assertThat(world.last().stdout()).as(describe()).containsPattern(world.expand(regex));
    }

    @Then("stdout does not match {string}")
    public void stdoutDoesNotMatch(String regex) {
        assertThat(world.last().stdout()).as(describe()).doesNotContainPattern(world.expand(regex));
    }

    @Then("the JSON at {string} matches {string}")
    public void theJsonAtMatches(String path, String regex) {
        Object value = JsonPath.read(world.last().stdout(), path);
        assertThat(String.valueOf(value)).as(describe()).matches(regex);
    }

    @Then("stderr contains {string}")
    public void stderrContains(String text) {
        assertThat(world.last().stderr()).as(describe()).contains(world.expand(text));
    }

    @Then("stdout does not contain {string}")
    public void stdoutDoesNotContain(String text) {
        assertThat(world.last().stdout()).as(describe()).doesNotContain(world.expand(text));
    }

    @Then("the output contains {string}")
    public void theOutputContains(String text) {
        assertThat(world.last().all()).as(describe()).contains(world.expand(text));
    }

    @Then("the output does not contain {string}")
    public void theOutputDoesNotContain(String text) {
        assertThat(world.last().all()).as(describe()).doesNotContain(world.expand(text));
    }

    @Then("stderr is one line starting with {string}")
    public void stderrIsOneLine(String prefix) {
        List<String> lines = world.last().stderr().lines().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("gctls> ") && !l.startsWith("stopped at ")).toList();
        assertThat(lines).as(describe()).hasSize(1);
        assertThat(lines.get(0)).startsWith(world.expand(prefix));
    }

    @Then("there is no stack trace")
    public void thereIsNoStackTrace() {
        assertThat(world.last().all()).as(describe()).doesNotContainPattern("\\n\\s+at [\\w.$]+\\(")
                .doesNotContain("Exception:").doesNotContain("Caused by");
    }

    @Then("stdout is a JSON document")
    public void stdoutIsAJsonDocument() {
        JsonNode node = Json.mapper().readTree(world.last().stdout());
        assertThat(node.isObject() || node.isArray()).as(describe()).isTrue();
    }

    @Then("the JSON at {string} is {string}")
    public void theJsonAtIs(String path, String expected) {
        Object value = JsonPath.read(world.last().stdout(), path);
        assertThat(String.valueOf(value)).as(describe()).isEqualTo(world.expand(expected));
    }

    @Then("the JSON at {string} contains {string}")
    public void theJsonAtContains(String path, String expected) {
        Object value = JsonPath.read(world.last().stdout(), path);
        assertThat(String.valueOf(value)).as(describe()).contains(world.expand(expected));
    }

    @Then("the JSON at {string} has {int} element(s)")
    public void theJsonAtHasElements(String path, int count) {
        List<?> value = JsonPath.read(world.last().stdout(), path);
        assertThat(value).as(describe()).hasSize(count);
    }

    private String describe() {
        RunResult r = world.last();
        return "exit " + r.exitCode() + "\n--- stdout ---\n" + r.stdout() + "\n--- stderr ---\n" + r.stderr();
    }
}
