Feature: Payload and deploy: one domain live, through rate limits and outages, never twice
  deploy validates the certificate bundle, builds the custom-domain body from it and sends it
  through the shared client: 429s are waited out as the API asks, 5xx bursts are backed off,
  a create that may have reached the server is reconciled before anything is sent again, and
  nothing at all is sent when the certificate is refused.

  Background:
    Given the environment points at the sandbox

  Scenario: Happy path: one lookup, one create, and domains list shows it
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout contains "deployed www.example.com (id "
    And stdout contains "status       active"
    And the API received 1 "POST" request to "/api/v2/customdomains"
    And the sandbox holds the domain "www.example.com"
    When I run "gctls domains list --output json"
    Then the JSON at "$.total" is "1"
    And the JSON at "$.domains[0].domain" is "www.example.com"

  Scenario: JSON output carries id, status, attempts and every request's correlation id
    When I run "gctls deploy --domain www.example.com ${good} --output json"
    Then the exit code is 0
    And the JSON at "$.deploy.action" is "created"
    And the JSON at "$.deploy.status" is "active"
    And the JSON at "$.deploy.attempts" is "2"
    And the JSON at "$.deploy.requests[1].outcome" is "201"
    And the JSON at "$.deploy.requests[1].correlationId" contains "-"

  Scenario: Two 429s with Retry-After are waited out on the clock, then the domain is created
    Given the API answers 429 with Retry-After "2" to "POST /api/v2/customdomains" 2 times
    When I run "gctls deploy --domain www.example.com ${good} --verbose"
    Then the exit code is 0
    And gctls waited "2s, 2s"
    And stdout contains "429 in"
    And stdout contains "inin-correlation-id stub-429-1"
    And the sandbox holds 1 domain
    And the API received 3 "POST" requests to "/api/v2/customdomains"

  Scenario: A 503 burst on the create is reconciled each time and the domain is created once
    Given the sandbox answers 503 to "POST /api/v2/customdomains" 3 times
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout contains "deployed www.example.com"
    And the API received 4 "POST" requests to "/api/v2/customdomains"
    And the sandbox holds 1 domain

  Scenario: The connection drops after the server stored the domain: reconciled, exactly one create
    Given the sandbox handles "POST /api/v2/customdomains" but then resets the connection 1 time
    When I run "gctls deploy --domain www.example.com ${good} --output json"
    Then the exit code is 0
    And the JSON at "$.deploy.reconciled" is "true"
    And the JSON at "$.deploy.action" is "created"
    And the API received 1 "POST" request to "/api/v2/customdomains"
    And the sandbox holds 1 domain

  Scenario: A created answer that is not JSON is reconciled too
    Given the sandbox answers malformed JSON to "POST /api/v2/customdomains"
    When I run "gctls deploy --domain www.example.com ${good} --output json"
    Then the exit code is 0
    And the JSON at "$.deploy.reconciled" is "true"
    And the API received 1 "POST" request to "/api/v2/customdomains"

  Scenario: A 500 to a lookup is retried as a read, as Genesys Cloud's SDKs do, and the domain is created once
    Given the sandbox answers 500 to "GET /api/v2/customdomains" 2 times
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout contains "deployed www.example.com"
    And the API received 1 "POST" request to "/api/v2/customdomains"
    And the sandbox holds 1 domain

  Scenario: A malformed JSON answer to the lookup is exit 6 with a clear line
    Given the sandbox answers malformed JSON to "GET /api/v2/customdomains"
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 6
    And stderr is one line starting with "error: GET /api/v2/customdomains answered 200 with a body that is not the JSON expected"
    And the API received 0 "POST" requests to "/api/v2/customdomains"
    And there is no stack trace

  Scenario: The circuit opens after repeated 503s and then fails fast without a request
    Given the sandbox answers 503 to "/api/v2/customdomains*"
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 6
    And stderr contains "circuit open"
    And stderr contains "next try in"
    And the API received 5 "GET" requests to "/api/v2/customdomains"
    When I run "gctls domains list" in the same session
    Then the exit code is 6
    And stderr is one line starting with "error: not sending GET /api/v2/customdomains:"
    And the API received 5 "GET" requests to "/api/v2/customdomains"

  Scenario: A 400 shows the API's code, message, fields and contextId
    Given the API answers 400 with body "{\"message\":\"The certificate chain is not accepted\",\"code\":\"bad.request\",\"status\":400,\"contextId\":\"ctx-4711\",\"details\":[{\"errorCode\":\"chain.invalid\",\"fieldName\":\"certificateChain\"}]}" to "POST /api/v2/customdomains"
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 5
    And stderr is one line starting with "error: POST /api/v2/customdomains was refused: 400 bad.request: The certificate chain is not accepted; certificateChain (chain.invalid) (contextId ctx-4711)"

  Scenario: The domain exists with another certificate: a clear line naming it, and --replace updates it
    Given the sandbox already holds "www.example.com" with certificate "${fixtures}/ok-rsa/leaf.pem" and key "${fixtures}/ok-rsa/leaf.key"
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 5
    And stderr contains "www.example.com already exists (id "
    And stderr contains "run again with --replace"
    And the API received 0 "POST" requests to "/api/v2/customdomains"
    When I run "gctls deploy --domain www.example.com ${good} --replace"
    Then the exit code is 0
    And stdout contains "replaced the certificate of www.example.com"
    And the API received 1 "PUT" request to "/api/v2/customdomains/*"
    And the sandbox holds 1 domain

  Scenario: A 409 from the API names the existing domain; with --replace it is updated
    Given the sandbox already holds "www.example.com" with certificate "${fixtures}/ok-rsa/leaf.pem" and key "${fixtures}/ok-rsa/leaf.key"
    And the API answers 200 with body "{\"entities\":[],\"pageNumber\":1,\"pageSize\":100,\"total\":0,\"pageCount\":0}" to "GET /api/v2/customdomains" 1 time
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 5
    And stderr contains "www.example.com already exists (id "
    And the API received 1 "POST" request to "/api/v2/customdomains" answered 409
    Given the API answers 200 with body "{\"entities\":[],\"pageNumber\":1,\"pageSize\":100,\"total\":0,\"pageCount\":0}" to "GET /api/v2/customdomains" 1 time
    When I run "gctls deploy --domain www.example.com ${good} --replace"
    Then the exit code is 0
    And stdout contains "replaced the certificate of www.example.com"

  Scenario: Deploying the certificate that is already live changes nothing
    When I run "gctls deploy --domain www.example.com ${good}"
    And I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout contains "nothing to do for www.example.com"
    And the API received 1 "POST" request to "/api/v2/customdomains"

  Scenario Outline: A certificate that is refused sends nothing at all
    When I run "gctls deploy --domain <domain> ${<bundle>}"
    Then the exit code is 3
    And stderr is one line starting with "error: the certificate verdict is error (<code>"
    And stderr contains "nothing was built and nothing was sent"
    And the API received 0 "POST" requests to "/oauth/token"
    And the API received 0 "GET" requests to "/api/v2/customdomains"
    And the API received 0 "POST" requests to "/api/v2/customdomains"

    Examples:
      | bundle     | domain           | code            |
      | expired    | www.example.com  | expired         |
      | mismatched | www.example.com  | key-mismatch    |
      | good       | shop.example.org | domain-mismatch |

  Scenario: A TLS version below 1.2 is refused locally, before anything is sent
    When I run "gctls deploy --domain www.example.com ${good} --tls-version TLSv1.1"
    Then the exit code is 3
    And stderr is one line starting with "error: --tls-version TLSv1.1 is refused: Genesys Cloud custom domains need TLSv1.2 or later"
    And the API received 0 "POST" requests to "/oauth/token"
    And the API received 0 "POST" requests to "/api/v2/customdomains"

  Scenario: A TLS version that does not exist is a usage error
    When I run "gctls payload build --domain www.example.com ${good} --tls-version TLSv9"
    Then the exit code is 2
    And stderr contains "--tls-version must be TLSv1.2 or TLSv1.3"

  Scenario: The token expires during the deploy's waits and is renewed without the user noticing
    Given the sandbox issues tokens valid for 100 seconds
    And the API answers 429 with Retry-After "60" to "POST /api/v2/customdomains" 1 time
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And gctls waited "60s"
    And the API received 2 "POST" requests to "/oauth/token"
    And the sandbox holds 1 domain

  Scenario: --dry-run prints exactly what would be sent, key redacted, and sends nothing
    When I run "gctls deploy --domain www.example.com ${good} --dry-run --output json"
    Then the exit code is 0
    And the JSON at "$.dryRun" is "true"
    And the JSON at "$.payload.body.domain" is "www.example.com"
    And the JSON at "$.payload.body.privateKey.redacted" is "true"
    And the JSON at "$.payload.body.privateKey.type" is "RSA"
    And the JSON at "$.payload.body.settings.tlsVersion" is "TLSv1.2"
    And the API received 0 "POST" requests to "/oauth/token"
    And the API received 0 "GET" requests to "/api/v2/customdomains"
    And the output shows nothing of the key "${leafkey}" or the password "no-password-used"

  Scenario: A dry run with --replace says it would PUT, not POST
    When I run "gctls deploy --domain www.example.com ${good} --dry-run --replace"
    Then the exit code is 0
    And stdout contains "then PUT this body to it"
    And stdout does not contain "then POST this body"

  Scenario: Text shows every SHA-256 fingerprint one way, JSON keeps its own
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout matches "SHA-256      ([0-9A-F]{2}:){31}[0-9A-F]{2}"
    When I run "gctls domains list"
    Then stdout matches "([0-9A-F]{2}:){7}[0-9A-F]{2}[.]{3}"
    When I run "gctls domains list --output json"
    Then the JSON at "$.domains[0].certificateFingerprint" matches "[0-9a-f]{64}"

  Scenario: payload build shows its fingerprints like deploy in text; its JSON keeps each field's own form
    When I run "gctls payload build --domain www.example.com ${good}"
    Then the exit code is 0
    And stdout matches "SHA-256      ([0-9A-F]{2}:){31}[0-9A-F]{2}\n"
    And stdout matches "public half SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\n"
    And stdout does not match "[0-9a-f]{64}"
    When I run "gctls payload build --domain www.example.com ${good} --output json"
    Then the exit code is 0
    And the JSON at "$.leafFingerprint" matches "[0-9a-f]{64}"
    And the JSON at "$.body.privateKey.publicKeySha256" matches "([0-9A-F]{2}:){31}[0-9A-F]{2}"

  Scenario: A chain out of order is fixed up in the payload and said so; --strict makes it fail
    When I run "gctls payload preview --domain www.example.com ${reversed} --output json"
    Then the exit code is 0
    And the JSON at "$.fixups" contains "reordered the chain to serving order"
    And the JSON at "$.warnings" contains "chain-out-of-order"
    When I run "gctls deploy --domain www.example.com ${reversed} --strict"
    Then the exit code is 1
    And stderr is one line starting with "error: the certificate verdict is warn (chain-out-of-order:"
    And stderr contains "--strict is on; nothing was sent"
    And the API received 0 "POST" requests to "/api/v2/customdomains"
    And the sandbox holds 0 domains
    When I run "gctls deploy --domain www.example.com ${reversed}"
    Then the exit code is 0
    And the sandbox holds 1 domain

  Scenario: payload build, preview and save at the prompt work on the same payload
    When I type at the prompt:
      """
      payload build --domain www.example.com ${good} --tls-version TLSv1.3 --ocsp-stapling
      payload preview
      payload save --out ${tmp}/body.json
      """
    Then the output contains "payload for www.example.com built (verdict ok)"
    And the output contains "\"tlsVersion\" : \"TLSv1.3\""
    And the output contains "\"redacted\" : true"
    And the output contains "wrote the payload for www.example.com to ${tmp}/body.json (0600"
    And the file "${tmp}/body.json" is readable only by its owner
    And the file "${tmp}/body.json" contains "PRIVATE KEY"
    And the output shows nothing of the key "${leafkey}" or the password "no-password-used"

  Scenario: payload preview with nothing built says what to give
    When I run "gctls payload preview"
    Then the exit code is 2
    And stderr is one line starting with "error: no payload built yet in this session"

  Scenario: payload save does not overwrite a file
    Given a file "body.json" containing:
      """
      {}
      """
    When I run "gctls payload save --out ${tmp}/body.json --domain www.example.com ${good}"
    Then the exit code is 3
    And stderr contains "not overwriting"

  Scenario: payload save into a folder that does not exist is refused, and no folder is made
    When I run "gctls payload save --out ${tmp}/no-such-dir/body.json --domain www.example.com ${good}"
    Then the exit code is 3
    And stderr is one line starting with "error: cannot write ${tmp}/no-such-dir/body.json: the folder ${tmp}/no-such-dir does not exist"
    And the file "${tmp}/no-such-dir" does not exist

  Scenario: No private key, token or secret in any output, even with --verbose and --debug
    When I run "gctls deploy --domain www.example.com ${good} --verbose --debug"
    Then the exit code is 0
    And the output shows nothing of the key "${leafkey}" or the password "no-password-used"
    And no output contains a token the sandbox issued
    And no output contains "gctls-sandbox-secret"
    And the output does not contain "PRIVATE KEY"

  Scenario: The example command file of the README runs end to end against a sandbox
    When I run "gctls --sandbox @${project}/scripts/deploy-example.gctls"
    Then the exit code is 0
    And stdout contains "Verdict: ok"
    And stdout contains "deployed www.example.com"
    And stdout contains "1 domain"
    And stdout contains "|deploy"

  Scenario: deploy --wait-audit reports the audit event and the deploy-to-audit latency, kept in metrics
    When I run the command file:
      """
      deploy --domain www.example.com ${good} --wait-audit --timeout 30s
      metrics --output json
      """
    Then the exit code is 0
    And stdout contains "audit        Create recorded at"
    And stdout contains "after the deploy began; seen after"
    And stdout contains "\"step\" : \"audit\""

  Scenario: --wait-audit keeps polling through an audit outage
    Given the sandbox answers 503 to "POST /api/v2/audits/query/realtime" 7 times
    When I run "gctls deploy --domain www.example.com ${good} --wait-audit --output json"
    Then the exit code is 0
    And the JSON at "$.audit.seen" is "true"
    And the JSON at "$.audit.action" is "Create"
    And stderr contains "audit poll 1 failed"

  Scenario: An audit event that never comes is a warning after the timeout; the deploy still stands
    Given the API answers 200 with body "{\"entities\":[],\"pageNumber\":1,\"pageSize\":100,\"total\":0,\"pageCount\":0}" to "POST /api/v2/audits/query/realtime"
    When I run "gctls deploy --domain www.example.com ${good} --wait-audit --timeout 20s"
    Then the exit code is 0
    And stdout contains "no audit event within 20.0 s (the deploy itself succeeded)"
    And the sandbox holds 1 domain
    When I run "gctls deploy --domain example.com ${good} --wait-audit --timeout 20s --strict"
    Then the exit code is 1
    And the sandbox holds 2 domains

  Scenario: With nothing changed there is no audit event to wait for, and that is not a warning
    When I run "gctls deploy --domain www.example.com ${good}"
    And I run "gctls deploy --domain www.example.com ${good} --wait-audit --strict"
    Then the exit code is 0
    And stdout contains "nothing to do for www.example.com"

  Scenario: Ctrl-C during a deploy's wait cancels it and returns to the prompt
    Given the API answers 429 with Retry-After "30" to "POST /api/v2/customdomains" 1 time
    And Ctrl-C is pressed during the first wait of 30 seconds or more
    When I type at the prompt:
      """
      deploy --domain www.example.com ${good}
      domains list
      """
    Then the output contains "error: deploy of www.example.com cancelled"
    And the output contains "(cancelled; back at the prompt)"
    And the output contains "no custom domains"
    And the API received 1 "POST" request to "/api/v2/customdomains"

  Scenario Outline: domains show refuses an id that would name another resource, before anything is sent
    When I run "gctls domains show '<id>'"
    Then the exit code is 2
    And stderr is one line starting with "error: '<id>' is not a domain id"
    And the API received 0 "GET" requests to "/api/v2/*"

    Examples:
      | id            |
      | ../tokens/me  |
      | a b           |
      | x?pageSize=1  |

  Scenario Outline: A blank, malformed or oddly placed wildcard domain name is one line and exit 2, with nothing sent
    When I run "gctls deploy --domain '<domain>' ${good}"
    Then the exit code is 2
    And stderr is one line starting with "error: <message>"
    And the API received 0 "GET" requests to "/api/v2/*"
    And the API received 0 "POST" requests to "/api/v2/*"

    Examples:
      | domain             | message                                                                          |
      |                    | --domain was given an empty value                                                |
      | www.example.com..  | --domain 'www.example.com..' is not a domain name: it has an empty label         |
      | www.*.example.com  | --domain 'www.*.example.com' is not a domain name: '*' may only be the whole left-most label |
      | ../../etc/passwd   | --domain '../../etc/passwd' is not a domain name: it has an empty label          |
      | www.exa mple.com   | --domain 'www.exa mple.com' is not a domain name: the label 'exa mple' has a character |

  Scenario: A trailing dot or capitals name the same domain: no second domain, and the name sent is the plain one
    When I run "gctls deploy --domain www.example.com ${good}"
    Then the exit code is 0
    When I run "gctls deploy --domain WWW.Example.com. ${good}"
    Then the exit code is 0
    And stdout contains "nothing to do for www.example.com"
    And the API received 1 "POST" request to "/api/v2/customdomains"
    And the sandbox holds 1 domain

  Scenario: domains list --domain refuses a malformed name before anything is sent
    When I run "gctls domains list --domain 'www..example.com'"
    Then the exit code is 2
    And stderr is one line starting with "error: --domain 'www..example.com' is not a domain name"
    And the API received 0 "GET" requests to "/api/v2/*"
