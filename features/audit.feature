Feature: Query and tail the audit log until the change shows up
  gctls reads Genesys Cloud's audit log three ways behind one interface: the real-time query (the
  default, 14 days back at most), the asynchronous query for older ranges, and the assumed
  /api/v2/auditlogs of docs/api.md. It joins every page for the user, prints each event once, and stops a source
  that never ends with one clear line instead of looping for ever (docs/reliability.md "Audit paging"). audit tail
  follows the log through rate limits and outages, printing each new event once.

  Background:
    Given the environment points at the sandbox

  Scenario: Three pages of the real-time query are joined, oldest first, each event once
    Given the sandbox already holds the domains "a.example.com, b.example.com, c.example.com, d.example.com, e.example.com"
    When I run "gctls audit query --page-size 2 --output json"
    Then the exit code is 0
    And stdout is 5 JSON lines with distinct ids
    And every audit event of the sandbox is printed once
    And the JSON lines' "entityName" are "a.example.com, b.example.com, c.example.com, d.example.com, e.example.com"
    And the API received 3 "POST" requests to "/api/v2/audits/query/realtime"
    And the last request to "POST /api/v2/audits/query/realtime" has "3" at "$.pageNumber"

  Scenario: The table shows time, action, entity, status and who made the change
    Given the sandbox already holds the domain "www.example.com"
    When I run "gctls audit query --since 30m"
    Then the exit code is 0
    And stdout contains "|time "
    And stdout contains "|user/client "
    And stdout contains "|Create|"
    And stdout contains "www.example.com (${id:www.example.com})"
    And stdout contains "gctls sandbox client"
    And stdout contains "1 event in "

  Scenario: The filters are in the query's body, as Genesys documents them
    Given the sandbox already holds the domains "www.example.com, other.example.com"
    When I run "gctls audit query --since 2h --domain-id ${id:www.example.com} --action create --status success --output json"
    Then the exit code is 0
    And stdout is 1 JSON line with distinct ids
    And the JSON lines' "entityName" are "www.example.com"
    And the last request to "POST /api/v2/audits/query/realtime" has "CustomDomains" at "$.serviceName"
    And the last request to "POST /api/v2/audits/query/realtime" has "EntityId" at "$.filters[0].property"
    And the last request to "POST /api/v2/audits/query/realtime" has "${id:www.example.com}" at "$.filters[0].value"
    And the last request to "POST /api/v2/audits/query/realtime" has "Action" at "$.filters[1].property"
    And the last request to "POST /api/v2/audits/query/realtime" has "Create" at "$.filters[1].value"
    And the last request to "POST /api/v2/audits/query/realtime" has "ascending" at "$.sort[0].sortOrder"

  Scenario: The service name is configurable, since the custom-domain service is not in Genesys's catalogue
    Given the sandbox already holds the domain "www.example.com"
    And the environment variable GCTLS_AUDIT_SERVICE is "Directory"
    When I run "gctls audit query"
    Then the exit code is 0
    And stdout contains "no audit events in "
    And the last request to "POST /api/v2/audits/query/realtime" has "Directory" at "$.serviceName"

  Scenario: More than 14 days back is refused before any query, pointing to the asynchronous one
    When I run "gctls audit query --since 20d"
    Then the exit code is 2
    And stderr is one line starting with "error: the real-time audit query reaches 14 days back at most, and "
    And stderr contains "is 20 days back; use --source async for older events"
    And the API received 0 "POST" requests to "/api/v2/audits/query/realtime"

  Scenario: The asynchronous query goes Queued, Running, Succeeded and is read over two cursor pages
    Given the sandbox already holds the domains "a.example.com, b.example.com, c.example.com"
    And 1728000 seconds pass on the sandbox clock
    When I run "gctls audit query --since 30d --source async --page-size 2 --output json"
    Then the exit code is 0
    And stdout is 3 JSON lines with distinct ids
    And every audit event of the sandbox is printed once
    And stderr contains "submitted for "
    And stderr contains ": Running (poll 2)"
    And the API received 1 "POST" request to "/api/v2/audits/query"
    And the API received 5 "GET" requests to "/api/v2/audits/query/*"
    And the API received 2 "GET" requests to "/api/v2/audits/query/*/results"
    And the last request to "POST /api/v2/audits/query" has "CustomDomains" at "$.serviceName"
    And gctls waited "1s, 2s, 4s"

  Scenario: A Failed asynchronous query is one clear line and exit 5
    Given the sandbox's asynchronous audit queries end "Failed" with "the query timed out on the server"
    When I run "gctls audit query --since 30d --source async"
    Then the exit code is 5
    And stderr contains "error: audit query "
    And stderr contains "ended Failed on the server: the query timed out on the server; run it again"
    And there is no stack trace

  Scenario: The auditlogs shape is followed through nextPage, with the domain id sent
    Given the sandbox already holds the domains "a.example.com, b.example.com, c.example.com, d.example.com, e.example.com"
    When I run "gctls audit query --source auditlogs --page-size 2 --output json"
    Then the exit code is 0
    And stdout is 5 JSON lines with distinct ids
    And every audit event of the sandbox is printed once
    And the API received 3 "GET" requests to "/api/v2/auditlogs"
    And the last request to "GET /api/v2/auditlogs" has the query parameter "page" = "3"
    And the last request to "GET /api/v2/auditlogs" has the query parameter "entityType" = "customdomain"
    And the last request to "GET /api/v2/auditlogs" has no query parameter "eventId"

  Scenario: The auditlogs shape sends the domain id and the action as filters
    Given the sandbox already holds the domains "www.example.com, other.example.com"
    When I run "gctls audit query --source auditlogs --domain-id ${id:www.example.com} --action Create --output json"
    Then the exit code is 0
    And the JSON lines' "entityId" are "${id:www.example.com}"
    And the last request to "GET /api/v2/auditlogs" has the query parameter "targetId" = "${id:www.example.com}"
    And the last request to "GET /api/v2/auditlogs" has the query parameter "eventId" = "customdomain.create"

  Scenario: The auditlogs path is configurable like the custom-domain path
    Given the environment variable GCTLS_AUDITLOGS_PATH is "/api/v2/custom/auditlogs"
    And the API answers 200 with body "{\"entity\":[{\"id\":\"x-1\",\"eventId\":\"customdomain.update\",\"timestamp\":\"2000-01-01T00:00:00Z\"}]}" to "GET /api/v2/custom/auditlogs"
    When I run "gctls audit query --source auditlogs --since 2000-01-01 --output json"
    Then the exit code is 0
    And the JSON lines' "id" are "x-1"
    And the JSON lines' "action" are "Update"
    And the API received 0 "GET" requests to "/api/v2/auditlogs"

  Scenario: A page source that never ends is stopped by the bound with a clear line
    Given the auditlogs endpoint never stops paging
    When I run "gctls audit query --source auditlogs --max-pages 5"
    Then the exit code is 6
    And stdout contains "(auditlogs, 5 pages), stopped early"
    And stderr contains "error: GET /api/v2/auditlogs still had more after 5 pages"
    And stderr contains "stopped at --max-pages 5"
    And the API received 5 "GET" requests to "/api/v2/auditlogs"

  Scenario: A page source that repeats itself is stopped at once
    Given the auditlogs endpoint answers the same page for ever
    When I run "gctls audit query --source auditlogs"
    Then the exit code is 6
    And stderr contains "error: GET /api/v2/auditlogs is repeating itself"
    And the API received 2 "GET" requests to "/api/v2/auditlogs"

  Scenario: Tail without --follow prints the recent events once and exits
    Given the sandbox already holds the domains "a.example.com, b.example.com"
    When I run "gctls audit tail"
    Then the exit code is 0
    And stdout contains "Create   SUCCESS  a.example.com ("
    And stdout contains "Create   SUCCESS  b.example.com ("
    And gctls did not wait

  Scenario: Tail --follow sees events that arrive while it runs, each once, and stops after --for
    Given the sandbox already holds the domain "a.example.com"
    And while gctls waits, the sandbox creates the domains "b.example.com, c.example.com"
    And the clock moves only by gctls's waits
    When I run "gctls audit tail --follow --for 15s --output json"
    Then the exit code is 0
    And stdout is 3 JSON lines with distinct ids
    And every audit event of the sandbox is printed once
    And the JSON lines' "entityName" are "a.example.com, b.example.com, c.example.com"
    And gctls's first waits were "5s, 5s"
    And gctls waited 3 times
    And the API received 4 "POST" requests to "/api/v2/audits/query/realtime"
    And stderr contains "stopped after 15.0 s: 3 events in 4 polls"

  Scenario: A 429 during the tail is waited out and the tail carries on
    Given the sandbox already holds the domain "a.example.com"
    And the API answers 429 with Retry-After "2" to "POST /api/v2/audits/query/realtime" 1 time
    And while gctls waits, the sandbox creates the domain "b.example.com"
    And the clock moves only by gctls's waits
    When I run "gctls audit tail --follow --for 10s --output json"
    Then the exit code is 0
    And every audit event of the sandbox is printed once
    And gctls's first waits were "2s, 5s"
    And gctls waited 3 times
    And the API received 1 "POST" request to "/api/v2/audits/query/realtime" answered 429

  Scenario: A poll that still fails is noted on stderr, and the tail keeps following
    Given the sandbox already holds the domain "a.example.com"
    And the sandbox fault "malformed --method POST --path /api/v2/audits/query/realtime --times 1"
    And while gctls waits, the sandbox creates the domain "b.example.com"
    And the clock moves only by gctls's waits
    When I run "gctls audit tail --follow --for 10s --output json"
    Then the exit code is 0
    And every audit event of the sandbox is printed once
    And stderr contains "poll 1 failed: POST /api/v2/audits/query/realtime answered 200 with a body that is not the JSON expected"
    And stderr contains "still following, next poll in 5.0 s"

  Scenario: An outage that outlasts the retries and opens the circuit does not end the tail
    Given the sandbox fault "503 --method POST --path /api/v2/audits/query/realtime"
    And the clock moves only by gctls's waits
    When I run "gctls audit tail --follow --for 20s"
    Then the exit code is 0
    And stderr contains "poll 1 failed: POST /api/v2/audits/query/realtime failed: 503"
    And stderr contains "(circuit open)"
    And stderr contains "still following"

  Scenario: A follow needs an interval of a second or more
    When I run "gctls audit tail --follow --interval 200ms"
    Then the exit code is 2
    And stderr is one line starting with "error: --interval must be at least 1s, not 200ms"

  Scenario Outline: Bad audit options are usage errors that say what is accepted
    When I run "gctls audit query <options>"
    Then the exit code is 2
    And stderr is one line starting with "error: <message>"
    And the API received 0 "POST" requests to "/oauth/token"

    Examples:
      | options                          | message                                                                      |
      | --status maybe                   | audit query: status 'MAYBE' is not one of SUCCESS, FAILURE, WARNING           |
      | --page-size 0                    | --page-size must be at least 1, not 0                                        |
      | --max-pages 0                    | --max-pages must be at least 1, not 0                                        |
      | --since 1h --until 2h            | --since                                                                      |
      | --since yesterday                | --since: 'yesterday' is neither a duration back from now (30m, 1h, 1d) nor   |
      | --source elsewhere               | --source must be one of realtime, async, auditlogs, not 'elsewhere'          |
      | --domain-id ../tokens/me         | audit query: --domain-id '../tokens/me' is not a domain id                   |
      | --domain-id ' '                  | --domain-id was given an empty value                                         |

  Scenario: An event outside --since/--until is not shown
    Given the sandbox already holds the domain "www.example.com"
    When I run "gctls audit query --since 2h --until 1h"
    Then the exit code is 0
    And stdout contains "no audit events in "

  Scenario: Tail reads the auditlogs shape too, but not the asynchronous query
    When I run "gctls audit tail --source async"
    Then the exit code is 2
    And stderr is one line starting with "error: --source must be one of realtime, auditlogs, not 'async'"

  Scenario: Help says that --output json is JSON lines
    When I run "gctls audit query --help"
    Then the exit code is 0
    And stdout contains "one JSON object per event per line"
    And stdout contains "--source realtime|async|auditlogs"

  Scenario: Ctrl-C is how a follow at the prompt ends: no error, and the prompt goes on
    Given Ctrl-C is pressed during the first wait of 5 seconds or more
    When I type at the prompt with "--sandbox":
      """
      audit tail --follow
      version
      """
    Then the output contains "audit tail stopped by Ctrl-C after"
    And the output does not contain "error:"
    And the output does not contain "cancelled; back at the prompt"
    And the output contains "gctls dev"
