Feature: Where to connect: the same options on every API command, before or after it
  --region, --api-url, --login-url, --profile, --client-id and --client-secret-file work on every
  command that talks to the API, and before the command on the process's command line. With
  nothing configured every command gives the same answer. auth login is remembered for the next
  one-shot run.

  Background:
    Given a secret file "sandbox.secret" containing "gctls-sandbox-secret" readable only by its owner

  Scenario: With nothing configured, every command says the same thing and exits 4
    When I run "gctls auth status"
    Then the exit code is 4
    And stderr is one line starting with "error: not logged in, and no connection is configured: run 'auth login"
    When I run "gctls domains list"
    Then the exit code is 4
    And stderr is one line starting with "error: not logged in, and no connection is configured: run 'auth login"
    When I run "gctls audit query"
    Then the exit code is 4

  Scenario: The connection options work after an API command
    When I run "gctls domains list --api-url ${api} --client-id gctls-sandbox --client-secret-file ${tmp}/sandbox.secret"
    Then the exit code is 0
    And stdout contains "no custom domains"

  Scenario: The connection options work before the command
    When I run "gctls --api-url ${api} --client-id gctls-sandbox --client-secret-file ${tmp}/sandbox.secret domains list --output json"
    Then the exit code is 0
    And the JSON at "$.total" is "0"

  Scenario: A connection option before no command says where it belongs
    When I run "gctls --region eu-west-1"
    Then the exit code is 2
    And stderr contains "--region goes with a command"

  Scenario: auth login is remembered for the next one-shot run, and auth logout forgets it
    When I run "gctls auth login --api-url ${api} --client-id gctls-sandbox --client-secret-file ${tmp}/sandbox.secret"
    Then the exit code is 0
    When I run "gctls domains list"
    Then the exit code is 0
    And stdout contains "no custom domains"
    When I run "gctls auth status --output json"
    Then the exit code is 0
    And the JSON at "$.sources.api" is "the last auth login"
    When I run "gctls auth logout"
    And I run "gctls domains list"
    Then the exit code is 4

  Scenario: An empty connection option is a usage error, never a fall-back to the environment
    Given the environment points at the sandbox
    When I run "gctls auth login --api-url ''"
    Then the exit code is 2
    And stderr is one line starting with "error: --api-url was given an empty value"

  Scenario: A URL with a port that cannot exist is refused before anything is sent
    When I run "gctls domains list --api-url http://127.0.0.1:99999 --client-id x --client-secret-file ${tmp}/sandbox.secret"
    Then the exit code is 2
    And stderr is one line starting with "error: --api-url expects an http(s) URL"
    And stderr contains "port 99999 does not exist"

  Scenario Outline: An empty value is a usage error, never "not given"
    Given the environment points at the sandbox
    When I run "<command>"
    Then the exit code is 2
    And stderr is one line starting with "error: <option> was given an empty value"
    And the API received 0 "POST" requests to "/oauth/token"

    Examples:
      | command                                                                  | option                |
      | gctls cert inspect --cert ${fixtures}/chain/leaf.pem --key ''            | --key                 |
      | gctls auth login --region ''                                             | --region              |
      | gctls auth login --client-secret-file ''                                 | --client-secret-file  |
      | gctls audit query --since ''                                             | --since               |
      | gctls audit query --page-size ' '                                        | --page-size           |
      | gctls audit query --page-size ''                                         | --page-size           |
      | gctls payload build --tls-version '' --domain www.example.com --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --trust ${fixtures}/chain/root.pem | --tls-version |

  Scenario Outline: Numbers are ASCII digits and ranges are checked when read
    Given the environment points at the sandbox
    When I run "<command>"
    Then the exit code is 2
    And stderr is one line starting with "error: <message>"
    And the API received 0 "POST" requests to "/oauth/token"

    Examples:
      | command                                                      | message                                          |
      | gctls audit tail --follow --for 5s --interval ٣s             | --interval expects a duration                    |
      | gctls audit query --page-size ٣                              | --page-size expects a whole number, not '٣'      |
      | gctls cert inspect --cert ${fixtures}/chain/leaf.pem --warn-days ٣ | --warn-days expects a whole number           |
      | gctls audit query --until -1s                                | --until: '-1s' is neither a duration back        |
      | gctls deploy --domain www.example.com --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --trust ${fixtures}/chain/root.pem --timeout -1s | --timeout expects a duration |
      | gctls audit tail --for 0s                                    | --for must be at least 1s, not 0s                |
