Feature: An authenticated session that never drops
  gctls logs in with OAuth client credentials (a form post to {login}/oauth/token with Basic
  auth), keeps the token, refreshes it ahead of expiry with one refresh for all callers, and
  replaces a rejected token once. One-shot runs reuse a token cached on disk. No secret or token
  ever reaches the output.

  Background:
    Given the environment points at the sandbox

  Scenario: Logging in shows the organisation, the client and the token's expiry
    When I run "gctls auth login"
    Then the exit code is 0
    And stdout contains "logged in to ${api}"
    And stdout contains "gctls sandbox client (gctls-sandbox)"
    And stdout contains "customdomain:read"
    And the API received 1 "POST" request to "/oauth/token"
    And the token cache holds 1 token

  Scenario: Status as JSON is one document with the expiry countdown and the scopes
    When I run "gctls auth status --output json"
    Then the exit code is 0
    And the JSON at "$.organization" is "gctls sandbox"
    And the JSON at "$.clientId" is "gctls-sandbox"
    And the JSON at "$.tokenLifetimeSeconds" is "86400"
    And the JSON at "$.authorizedScope" has 3 elements
    And the JSON at "$.sources.api" is "GENESYS_ENV_URL"

  Scenario: A JWT token's scope claim is shown too
    Given the sandbox issues JWT tokens
    When I run "gctls auth status --output json"
    Then the exit code is 0
    And the JSON at "$.jwtScope" has 3 elements

  Scenario: A second one-shot command reuses the cached token
    When I run "gctls auth login"
    And I run "gctls auth status --output json"
    Then the exit code is 0
    And the JSON at "$.tokenSource" is "cache"
    And the API received 1 "POST" request to "/oauth/token"

  Scenario: --no-token-cache logs in every time and leaves nothing on disk
    When I run "gctls --no-token-cache auth status"
    And I run "gctls --no-token-cache auth status"
    Then the exit code is 0
    And the API received 2 "POST" requests to "/oauth/token"
    And the token cache holds 0 tokens

  Scenario: A wrong secret is exit 4 with the API's words, and the secret is never shown
    Given the environment points at the sandbox with the secret "hunter2-not-the-secret"
    When I run "gctls auth login"
    Then the exit code is 4
    And stderr is one line starting with "error: login to ${api} as client gctls-sandbox failed: 401 invalid_client"
    And stderr contains "the secret came from GENESYS_API_SECRET"
    And no output contains "hunter2-not-the-secret"
    And there is no stack trace

  Scenario: No secret anywhere in a one-shot run is exit 4 saying where to put one
    Given the environment variable GENESYS_API_SECRET is ""
    When I run "gctls auth status"
    Then the exit code is 4
    And stderr contains "no client secret"
    And stderr contains "GENESYSCLOUD_OAUTHCLIENT_SECRET"

  Scenario: The token expires mid-session and is refreshed without the user noticing
    Given the sandbox issues tokens valid for 300 seconds
    When I run "gctls auth status"
    And 280 seconds pass on the sandbox clock
    And I run "gctls auth status --output json" in the same session
    Then the exit code is 0
    And the JSON at "$.tokenSource" is "login"
    And the API received 2 "POST" requests to "/oauth/token"
    And the API received 0 "GET" requests to "/api/v2/tokens/me" answered 401

  Scenario: A token rejected mid-session is refreshed once and the call retried once
    When I run "gctls auth status"
    And the sandbox revokes every token
    And I run "gctls auth status" in the same session
    Then the exit code is 0
    And the API received 2 "POST" requests to "/oauth/token"
    And the API received 3 "GET" requests to "/api/v2/tokens/me"
    And the API received 1 "GET" request to "/api/v2/tokens/me" answered 401

  Scenario: Ten callers needing a token at once cause exactly one token request
    When 10 callers use a new session at the same moment
    Then the API received 1 "POST" request to "/oauth/token"
    And the API received 10 "GET" requests to "/api/v2/tokens/me"

  Scenario: A login service that answers 503 is exit 6 with a clear line
    Given the sandbox answers 503 to "POST /oauth/token"
    When I run "gctls auth login"
    Then the exit code is 6
    And stderr is one line starting with "error: login to ${api} failed:"
    And stderr contains "503"
    And there is no stack trace

  Scenario: A login host that is down is exit 6 with a clear line
    Given the environment variable GENESYS_ENV_URL is "http://127.0.0.1:9"
    When I run "gctls auth login"
    Then the exit code is 6
    And stderr is one line starting with "error: login to http://127.0.0.1:9 failed:"
    And stderr contains "connection refused"
    And there is no stack trace

  Scenario: A malformed token response is a clear line, not a crash
    Given the API answers 200 with body "{\"token\": 42}" to "POST /oauth/token"
    When I run "gctls auth login"
    Then the exit code is 6
    And stderr is one line starting with "error: login to ${api} answered with no access_token"
    And there is no stack trace

  Scenario: The sandbox's rate limit answers 429 with the real headers, and gctls waits it out
    Given the sandbox allows 2 requests per minute
    When I run "gctls auth status"
    And I run "gctls auth status"
    And I run "gctls auth status --output json"
    Then the exit code is 0
    And the API answered 429 to "GET /api/v2/tokens/me" with the headers "Retry-After, inin-ratelimit-allowed, inin-ratelimit-count, inin-ratelimit-reset, inin-correlation-id"
    And the API received 1 "GET" request to "/api/v2/tokens/me" answered 429
    And gctls waited 1 time

  Scenario: Within one session gctls paces itself from the rate-limit headers, so no 429 comes
    Given the sandbox allows 2 requests per minute
    When I run "gctls auth status"
    And I run "gctls auth status" in the same session
    And I run "gctls auth status" in the same session
    Then the exit code is 0
    And the API received 0 "GET" requests to "/api/v2/tokens/me" answered 429
    And gctls waited 1 time

  Scenario: Plain http to a host that is not loopback is refused before anything is sent
    Given the environment variable GENESYS_ENV_URL is "http://api.example.com"
    When I run "gctls auth login"
    Then the exit code is 2
    And stderr contains "refusing plain http:// for api.example.com"
    And the API received 0 "POST" requests to "/oauth/token"

  Scenario: A client secret file that others can read is refused
    Given a file "loose.secret" containing:
      """
      gctls-sandbox-secret
      """
    And the environment variable GENESYS_API_SECRET is ""
    When I run "gctls auth login --client-secret-file ${tmp}/loose.secret"
    Then the exit code is 3
    And stderr contains "other users can read it"
    And the API received 0 "POST" requests to "/oauth/token"

  Scenario: At the prompt a missing secret is asked for, masked, and neither it nor the token is ever shown or kept
    Given the environment variable GENESYS_API_SECRET is ""
    When I type at the prompt:
      """
      auth login --client-id gctls-sandbox --api-url ${api}
      gctls-sandbox-secret
      auth status --output json
      auth status --debug
      history
      """
    Then the output contains "client secret for gctls-sandbox at ${api}: "
    And the output contains "logged in to ${api}"
    And no output contains "gctls-sandbox-secret"
    And no output contains a token the sandbox issued
    And the history file contains "auth status --debug"

  Scenario: A line that carries a secret option is never saved in the history
    When I type at the prompt:
      """
      auth login --client-secret wrong-secret-typed-inline
      auth status
      """
    Then the output contains "failed: 401 invalid_client"
    And the history file does not contain "wrong-secret-typed-inline"
    And the history file contains "auth status"

  Scenario: Logging out revokes the token and empties the cache
    When I run "gctls auth login"
    And I run "gctls auth logout"
    Then the exit code is 0
    And stdout contains "token revoked"
    And the API received 1 "DELETE" request to "/api/v2/tokens/me"
    And the token cache holds 0 tokens

  Scenario: Logging out with a token the API no longer accepts still cleans up, without logging in again
    When I run "gctls auth login"
    And the sandbox revokes every token
    And I run "gctls auth logout"
    Then the exit code is 0
    And stdout contains "the token was no longer valid"
    And the API received 1 "POST" request to "/oauth/token"
    And the token cache holds 0 tokens
