Feature: Rotate a fleet: many domains at the API's ceiling, resumable, never twice
  rotate plan inspects every bundle (the checks of cert inspect), lists the deployed domains once
  and shows per domain what would happen. rotate apply then creates and replaces, paced from the
  rate-limit headers, with the one-domain rules for every request: a domain is never created twice.
  A journal records each request before and after it is sent, so an interrupted or parked rotation
  resumes where it stopped.

  Background:
    Given the environment points at the sandbox
    And a fleet of 12 new bundles in "fleet"

  Scenario: The plan inspects every bundle and sends only the list
    When I run "gctls rotate plan --dir ${fleet} --trust ${trust}"
    Then the exit code is 0
    And stdout contains "12 domains from --dir ${fleet}: 12 to create, 0 to replace, 0 unchanged, 0 refused"
    And stdout contains "fleet-001.example.com"
    And the API received 0 "POST" requests to "/api/v2/customdomains"
    And the API received 1 "GET" request to "/api/v2/customdomains"
    When I run "gctls rotate plan --dir ${fleet} --trust ${trust} --output json"
    Then the JSON at "$.counts.create" is "12"
    And the JSON at "$.entries[0].action" is "create"
    And the JSON at "$.entries[0].verdict" is "ok"

  Scenario: A deployed fleet is planned as replaces with both certificates side by side, then replaced
    Given a seeded fleet of 5 domains, 2 expiring, with new bundles in "deployed"
    When I run "gctls rotate plan --dir ${fleet} --trust ${trust} --output json"
    Then the JSON at "$.counts.replace" is "5"
    And the JSON at "$.entries[0].deployedFingerprint" matches "[0-9a-f]{64}"
    And the JSON at "$.entries[0].newFingerprint" matches "[0-9a-f]{64}"
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust}"
    Then the exit code is 0
    And stdout contains "0 created, 5 replaced, 0 unchanged, 0 refused, 0 failed, 0 parked"
    And stdout contains "5 requests (1.00 per change, plus 1 for the list)"
    And every domain of the fleet serves its new certificate

  Scenario: Apply creates every domain once, about one request each
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust}"
    Then the exit code is 0
    And stdout contains "  created      fleet-001.example.com (id "
    And stdout contains "12 created, 0 replaced, 0 unchanged, 0 refused, 0 failed, 0 parked"
    And stdout contains "  requests     12 requests (1.00 per change, plus 1 for the list), 0 429s"
    And the API received 12 "POST" requests to "/api/v2/customdomains"
    And every domain of the fleet was created exactly once
    And Tab after "probe " offers every domain of the fleet
    And Tab after "domains show " offers the id of every domain the sandbox holds
    And Tab after "domains list --domain " offers every domain of the fleet
    And no output contains the private key in "${fleet}/fleet-001.example.com/key.pem"
    And no rotation journal contains a private key
    When I run "gctls rotate status"
    Then stdout contains "(finished)"
    And stdout contains "  domains      12: 12 done"

  Scenario: Tab after probe offers a domain one deploy created
    When I run "gctls deploy --domain fleet-007.example.com --cert ${fleet}/fleet-007.example.com/cert.pem --key ${fleet}/fleet-007.example.com/key.pem --chain ${fleet}/fleet-007.example.com/chain.pem --trust ${trust}"
    Then the exit code is 0
    And Tab after "probe " offers "fleet-007.example.com"
    And Tab after "domains show " offers the id of every domain the sandbox holds

  # Every wait here (Retry-After, pacing) moves the scenario's clock instead of taking time, and a
  # domain whose request spends all its attempts on 429s goes back in the queue: where the 8 429s land
  # among the 4 workers (which depends on the machine's load) cannot change the outcome.
  Scenario: A 429 storm is waited out and paced, and every domain still lands once
    Given the sandbox answers 429 to "POST /api/v2/customdomains" 8 times
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust}"
    Then the exit code is 0
    And stdout contains "12 created"
    And stdout contains "8 429s"
    And the 429s' Retry-After was waited on the test clock
    And every domain of the fleet was created exactly once

  Scenario: 503s and resets after the store on some creates are reconciled, never duplicated
    Given the sandbox answers 503 to "POST /api/v2/customdomains" 2 times
    And the sandbox handles "POST /api/v2/customdomains" but then resets the connection 2 times
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust} --concurrency 2"
    Then the exit code is 0
    And stdout contains "12 created"
    And stdout contains "reconciled after an unclear answer"
    And every domain of the fleet was created exactly once

  Scenario: A refused bundle is skipped and reported, the others deploy, and the exit is 3
    Given the bundle of "fleet-003.example.com" has the key of "fleet-004.example.com"
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust}"
    Then the exit code is 3
    And stdout contains "  refused      fleet-003.example.com: folder ${fleet}/fleet-003.example.com: key-mismatch"
    And stdout contains "11 created, 0 replaced, 0 unchanged, 1 refused"
    And the sandbox holds 11 domains
    And the sandbox does not hold the domain "fleet-003.example.com"

  Scenario: --all-or-nothing sends nothing when a bundle is refused
    Given the bundle of "fleet-003.example.com" has the key of "fleet-004.example.com"
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust} --all-or-nothing"
    Then the exit code is 3
    And stderr contains "--all-or-nothing: 1 of 12 bundles refused, so nothing was sent: fleet-003.example.com"
    And the sandbox holds 0 domains
    And the API received 0 "POST" requests to "/api/v2/customdomains"

  Scenario: Interrupted after some domains, then resumed: each domain exactly once
    Given the sandbox allows 6 requests per minute
    And Ctrl-C is pressed once the sandbox holds 5 domains
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust} --concurrency 1"
    Then the exit code is 130
    And stdout contains "not done (interrupted)"
    And stdout contains "  resume       gctls rotate apply --resume "
    When I run "gctls rotate apply --resume"
    Then the exit code is 0
    And stdout contains "done by the run it resumed"
    And every domain of the fleet was created exactly once

  Scenario: A Retry-After longer than the maximum wait parks the rest and names the resume command
    Given the sandbox fault "429 --method POST --path /api/v2/customdomains --retry-after 7200 --times 1"
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust} --concurrency 1"
    Then the exit code is 6
    And stdout contains "0 created, 0 replaced, 0 unchanged, 0 refused, 0 failed, 12 parked"
    And stdout contains "  parked       the API asked to wait until "
    And stdout contains "  resume       gctls rotate apply --resume "
    And gctls did not wait
    When I run "gctls rotate apply --resume"
    Then the exit code is 0
    And every domain of the fleet was created exactly once

  Scenario: --output json gives one JSON line per domain, then the summary
    When I run "gctls rotate apply --dir ${fleet} --trust ${trust} --output json"
    Then the exit code is 0
    And stdout is JSON lines: 12 outcomes then a summary
    And the last JSON line has "/summary/created" = "12"
    And the last JSON line has "/summary/exitCode" = "0"

  Scenario: A manifest with a bad row is refused naming the row, and nothing is sent
    Given a file "fleet.csv" containing:
      """
      domain,cert,key,chain,password_file
      fleet-001.example.com,${fleet}/fleet-001.example.com/cert.pem,${fleet}/fleet-001.example.com/key.pem,,
      fleet-001.example.com,${fleet}/fleet-002.example.com/cert.pem,${fleet}/fleet-002.example.com/key.pem,,
      """
    When I run "gctls rotate apply --manifest ${tmp}/fleet.csv --trust ${trust}"
    Then the exit code is 3
    And stderr contains "fleet.csv line 3: fleet-001.example.com is already at fleet.csv line 2"
    And the API received 0 "POST" requests to "/api/v2/customdomains"

  Scenario: In a sandbox session: seed a fleet, make the API answer like a spent daily quota, rotate, resume
    When I type at the prompt with "--sandbox":
      """
      sandbox seed 4 --out ${tmp}/session-fleet
      sandbox fault 429 --method PUT --path '/api/v2/customdomains/*' --retry-after 7200 --times 1
      rotate apply --dir ${tmp}/session-fleet --concurrency 1
      rotate status
      rotate apply --resume
      """
    Then the output contains "fault added: 429 --method PUT --path /api/v2/customdomains/* --times 1 --retry-after 7200"
    And the output contains "0 created, 0 replaced, 0 unchanged, 0 refused, 0 failed, 4 parked"
    And the output contains "  parked       the API asked to wait until "
    And the output contains "4: 0 done, 0 refused, 0 failed, 4 parked"
    And the output contains "0 created, 4 replaced, 0 unchanged, 0 refused, 0 failed, 0 parked"
