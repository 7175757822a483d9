Feature: The built-in sandbox
  gctls --sandbox (or sandbox start at the prompt) runs an emulator of the Genesys Cloud API on a
  loopback port and logs the session in to it, so the whole flow works offline with no
  credentials. Fault switches reproduce every reliability path by hand.

  Scenario: --sandbox opens a session already logged in
    When I type at the prompt with "--sandbox":
      """
      auth status
      """
    Then the output contains "logged in to http://127.0.0.1:"
    And the output contains "(sandbox)"
    And the output contains "gctls sandbox client (gctls-sandbox)"
    And the output contains "gctls(sandbox)>"

  Scenario: sandbox start at the prompt prints its URL and the credentials for a second shell
    When I type at the prompt:
      """
      sandbox start
      auth status
      sandbox status --output json
      """
    Then the output contains "sandbox running at http://127.0.0.1:"
    And the output contains "export GENESYS_ENV_URL=http://127.0.0.1:"
    And the output contains "GENESYS_API_KEY=gctls-sandbox"
    And the output contains "\"liveTokens\" : 1"
    And the output contains "logged in to http://127.0.0.1:"

  Scenario: One-shot commands run against a sandbox of their own
    When I run "gctls --sandbox auth status --output json"
    Then the exit code is 0
    And the JSON at "$.sandbox" is "true"
    And the JSON at "$.clientId" is "gctls-sandbox"

  Scenario: A fault switch makes the sandbox fail, and clearing it heals it
    When I type at the prompt with "--sandbox":
      """
      sandbox fault 503 --path /api/v2/tokens/me
      sandbox status
      auth status
      sandbox fault clear
      auth status
      """
    Then the output contains "fault added: 503"
    And the output contains "faults       503"
    And the output contains "error: GET /api/v2/tokens/me failed: 503"
    And the output contains "cleared 1 fault"
    And the output contains "logged in to http://127.0.0.1:"

  Scenario: A fault limited to a number of requests wears off and the retries get through
    When I run the command file with "--sandbox":
      """
      sandbox fault 503 --path /api/v2/tokens/me --times 2
      auth status
      sandbox status --output json
      """
    Then the exit code is 0
    And stdout contains "logged in to http://127.0.0.1:"
    And stdout contains "\"faults\" : [ ]"

  Scenario: A bad fault is a usage error that says what is accepted
    When I run the command file with "--sandbox":
      """
      sandbox fault teapot
      """
    Then the exit code is 2
    And stderr contains "unknown fault 'teapot'"

  Scenario: Sandbox commands without a sandbox say how to start one
    When I run "gctls sandbox fault 503"
    Then the exit code is 2
    And stderr is one line starting with "error: no sandbox is running; start one with 'sandbox start'"

  Scenario: The sandbox's rate can be set at start
    When I type at the prompt:
      """
      sandbox start --rate 20/min --token-lifetime 5m
      sandbox status --output json
      """
    Then the output contains "\"ratePerMinute\" : 20"
    And the output contains "\"tokenLifetimeSeconds\" : 300"

  Scenario: A bad rate is refused
    When I run "gctls sandbox start --rate lots"
    Then the exit code is 2
    And stderr contains "--rate expects requests per minute"

  Scenario: A failed login at the prompt leaves the working session as it was
    When I type at the prompt with "--sandbox":
      """
      auth login --api-url ${api} --client-id gctls-sandbox --client-secret wrong-secret-123
      auth status
      """
    Then the output contains "failed: 401 invalid_client"
    And the output contains "(sandbox)"
    And the output contains "gctls sandbox client (gctls-sandbox)"

  Scenario: auth login with no flags logs in again to the session's sandbox, also after a logout
    When I type at the prompt with "--sandbox":
      """
      auth logout
      auth login
      auth status --output json
      """
    Then the output contains "token revoked"
    And the output contains "\"sandbox\" : true"
    And the output does not contain "error:"

  Scenario: The sandbox's public secret stays printable after it was typed as a secret
    When I type at the prompt with "--sandbox":
      """
      auth login --api-url http://127.0.0.1:9 --client-id someone --client-secret gctls-sandbox-secret
      sandbox status
      """
    Then the output contains "GENESYS_API_SECRET=gctls-sandbox-secret"

  Scenario: After sandbox stop the prompt says so and the next command fails at once with the way back
    When I type at the prompt with "--sandbox":
      """
      sandbox stop
      domains list
      """
    Then the output contains "sandbox stopped"
    And the output contains "gctls> "
    And the output contains "error: the sandbox is stopped: start it again with 'sandbox start'"
    And the output does not contain "circuit open"
    And the output does not contain "attempts over"
