Feature: Fleet health: what is about to break
  domains status lists every deployed domain with the days its certificate has left: a warning
  within --warn-days, an error once expired. With --probe it makes a live handshake per domain and
  compares the served leaf with the deployed one (drift), the protocol with the domain's TLS floor,
  and judges the served chain. Exit codes as everywhere: warnings fail only with --strict.

  Background:
    Given the environment points at the sandbox
    And a seeded fleet of 6 domains, 2 expiring, with new bundles in "fleet"

  Scenario: Expiring certificates are warnings: exit 0, and 1 with --strict
    When I run "gctls domains status"
    Then the exit code is 0
    And stdout contains "6 domains: 4 ok, 2 warn, 0 error (warning at 30 days)"
    And stdout contains "warn fleet-001.example.com: expires-soon: the deployed certificate expires on "
    And stdout matches "\|fleet-001.example.com\|warn +\|[0-9]+ days left +\|"
    And Tab after "probe " offers every domain of the fleet
    And Tab after "domains show " offers the id of every domain the sandbox holds
    When I run "gctls domains status --strict"
    Then the exit code is 1
    When I run "gctls domains status --warn-days 5"
    Then the exit code is 0
    And stdout contains "6 domains: 6 ok, 0 warn, 0 error (warning at 5 days)"

  Scenario: An expired certificate is an error
    Given 15 days pass on the sandbox clock
    When I run "gctls domains status --output json"
    Then the exit code is 3
    And the JSON at "$.error" is "2"
    And the JSON at "$.fleet[0].findings[0].code" is "expired"

  Scenario: Probing shows every served chain, and the expiring ones
    When I run "gctls domains status --probe --connect ${sandbox-tls} --trust ${trust}"
    Then the exit code is 0
    And stdout contains "TLSv1.3, chain ok"
    And stdout contains "6 domains: 4 ok, 2 warn, 0 error (warning at 30 days, probed)"

  Scenario: A served leaf that is not the deployed one is drift
    Given the sandbox keeps serving the current certificate of "fleet-005.example.com"
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust}"
    Then the exit code is 0
    When I run "gctls domains status --probe --connect ${sandbox-tls} --trust ${trust} --domain fleet-005.example.com,fleet-006.example.com"
    Then the exit code is 0
    And stdout contains "warn fleet-005.example.com: drift: the server sends a leaf other than the deployed one"
    And stdout matches "\n  served {7}([0-9A-F]{2}:){31}[0-9A-F]{2}\n  deployed {5}([0-9A-F]{2}:){31}[0-9A-F]{2}\n"
    And stdout contains "2 domains: 1 ok, 1 warn, 0 error"
    When I run "gctls domains status --probe --connect ${sandbox-tls} --trust ${trust} --strict"
    Then the exit code is 1

  Scenario: A failed handshake is named and the exit is 6
    Given the sandbox refuses TLS handshakes for "fleet-003.example.com"
    When I run "gctls domains status --probe --connect ${sandbox-tls} --trust ${trust} --output json"
    Then the exit code is 6
    And the JSON at "$.fleet[0].domain" is "fleet-003.example.com"
    And the JSON at "$.fleet[0].findings[0].code" is "handshake-failed"

  Scenario: In a sandbox session, seed then status --probe works with no options
    When I type at the prompt with "--sandbox":
      """
      sandbox seed 8 --expiring 3 --out ${tmp}/session-fleet
      domains status --probe
      """
    Then the output contains "seeded 8 domains (fleet-001.example.com to fleet-008.example.com), 3 expiring"
    And the output contains "judging served chains against the sandbox seed's root"
    And the output contains "8 domains: 5 ok, 3 warn, 0 error (warning at 30 days, probed)"

  Scenario: In a sandbox session, Tab offers the domains a seed deployed
    When I type at the prompt with "--sandbox":
      """
      sandbox seed 3 --out ${tmp}/tab-fleet
      """
    Then the output contains "seeded 3 domains"
    And Tab after "probe " offers "fleet-001.example.com, fleet-002.example.com, fleet-003.example.com"
    And Tab after "domains list --domain " offers "fleet-003.example.com"

  Scenario: --domain names are checked and normalised like everywhere: a malformed one is exit 2 before anything is sent
    When I run "gctls domains status --domain fleet-001.example.com,www..example.com"
    Then the exit code is 2
    And stderr contains "--domain 'www..example.com' is not a domain name: it has an empty label"
    And the API received 0 "GET" requests to "/api/v2/customdomains"
    When I run "gctls domains status --domain FLEET-001.Example.com. --output json"
    Then the exit code is 0
    And the JSON at "$.fleet[0].domain" is "fleet-001.example.com"

  Scenario: Tab after probe offers the hosts probed before, not only the deployed names
    When I run "gctls probe fleet-002.example.com --connect ${sandbox-tls} --trust ${trust}"
    Then the exit code is 0
    And Tab after "probe " offers "fleet-002.example.com"

  Scenario: Tab after probe offers every domain a list or a deploy saw
    When I run "gctls domains list"
    Then the exit code is 0
    And Tab after "probe " offers every domain of the fleet
    And Tab after "domains show " offers the id of every domain the sandbox holds
