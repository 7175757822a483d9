Feature: The shell and its conventions
  Every command runs one-shot, from a command file and at the prompt, with the exit codes
  of docs/exit-codes.md and one clear line for every failure.

  Scenario: Help lists the commands
    When I run "gctls help"
    Then the exit code is 0
    And stdout contains "script"

  Scenario: An unknown command is a usage error
    When I run "gctls frobnicate"
    Then the exit code is 2
    And stderr is one line starting with "error: unknown command 'frobnicate'"
    And there is no stack trace

  Scenario: An unknown option is a usage error, not silently ignored
    When I run "gctls help --stirct"
    Then the exit code is 2
    And stderr contains "unknown option --stirct"

  Scenario: JSON output is one document
    When I run "gctls version --output json"
    Then the exit code is 0
    And stdout is a JSON document
    And the JSON at "$.java" contains "."

  Scenario: A command file with comments and blank lines runs to the end
    When I run the command file:
      """
      # a comment line must not abort the file

        # nor an indented one
      version
      help script
      """
    Then the exit code is 0
    And stdout contains "script - Run a command file"

  Scenario: A command file stops at the first failing command and exits with its code
    When I run the command file:
      """
      # rotate
      version
      bogus-command
      version --output json
      """
    Then the exit code is 2
    And stderr contains "stopped at run.gctls line 3 (exit 2)"
    And stdout does not contain "java"

  Scenario: The script command runs a file from inside a session
    Given a file "inner.gctls" containing:
      """
      # inner file
      version
      """
    When I run "gctls script --file ${tmp}/inner.gctls"
    Then the exit code is 0
    And stdout contains "gctls"

  Scenario: A missing command file is refused with exit 3
    When I run "gctls @${tmp}/missing.gctls"
    Then the exit code is 3
    And stderr is one line starting with "error: cannot read command file"

  Scenario: The prompt runs commands, reports errors and keeps going
    When I type at the prompt:
      """
      version
      bogus
      help script
      exit
      """
    Then the exit code is 0
    And the output contains "error: unknown command 'bogus'"
    And the output contains "script - Run a command file"

  Scenario: A usage error under --output json is still a JSON document
    When I run "gctls version --output json --bogus"
    Then the exit code is 2
    And stdout is a JSON document
    And the JSON at "$.error.kind" is "usage"
    And the JSON at "$.error.message" contains "unknown option --bogus"

  Scenario: exit in a command file ends it successfully
    When I run the command file:
      """
      version
      exit
      bogus-command
      """
    Then the exit code is 0

  Scenario: The README's first session runs as written
    When I paste the README's first session at the prompt
    Then the exit code is 0
    And the output does not contain "error:"
    And the output contains "deployed"
    And the output contains "Verdict: ok"
    And the output contains "served leaf is --expect-cert"

  Scenario: help on a family of commands lists them
    When I run "gctls help sandbox"
    Then the exit code is 0
    And stdout contains "sandbox start"
    And stdout contains "sandbox fault clear"

  Scenario: help quit shows exit, which quit is another name for
    When I run "gctls help quit"
    Then the exit code is 0
    And stdout contains "exit - Leave the prompt (also: quit, Ctrl-D)"

  Scenario: A mistyped command is answered with the one that was meant
    When I run "gctls deplyo --dry-run"
    Then the exit code is 2
    And stderr is one line starting with "error: unknown command 'deplyo'; did you mean 'deploy'?"
    When I run "gctls help deplyo"
    Then the exit code is 2
    And stderr contains "did you mean 'deploy'?"

  Scenario Outline: User input quoted in a message is cut short with its length
    Given "${huge}" is a word of 100000 letters
    When I run "<command>"
    Then the exit code is <code>
    And stderr is shorter than 600 characters
    And stderr contains " characters)"

    Examples:
      | command                                                                                     | code |
      | gctls ${huge}                                                                               | 2    |
      | gctls cert inspect --cert ${huge}.pem                                                       | 3    |
      | gctls probe ${huge}.example.com --connect 127.0.0.1:1 --timeout 1s                          | 2    |
      | gctls audit query --since ${huge}                                                           | 2    |
      | gctls audit query --page-size ${huge}                                                       | 2    |
      | gctls deploy --domain ${huge}.example.com --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --trust ${fixtures}/chain/root.pem | 2 |
