Feature: Probe a live TLS endpoint
  probe HOST[:PORT] does one TLS handshake and reports what was served: where it connected, the
  SNI name sent, protocol and cipher, timings, OCSP stapling, the served chain with the details
  cert inspect shows, and the verdict of the certificate checks on that chain for HOST. After a
  deploy the sandbox serves the deployed certificate over TLS on a loopback port, so the change can
  be seen live: in a sandbox session a deployed HOST is probed there without naming the port.

  Scenario: After a deploy in the sandbox, probe shows the deployed certificate being served
    When I type at the prompt with "--sandbox":
      """
      deploy --domain www.example.com ${good}
      probe www.example.com --trust ${fixtures}/pki/root-ca.pem --expect-cert ${fixtures}/chain/leaf.pem
      sandbox status
      """
    Then the output contains "probe www.example.com: connected to 127.0.0.1:"
    And the output contains "(the sandbox's TLS port: www.example.com is deployed in the sandbox)"
    And the output contains "SNI          www.example.com"
    And the output contains "protocol     TLSv1.3, TLS_"
    And the output contains "OCSP         not stapled"
    And the output contains "served leaf is --expect-cert ${fixtures}/chain/leaf.pem"
    And the output contains "Certificate 0: leaf (served)"
    And the output contains "Certificate 1: intermediate (served)"
    And the output contains the SHA-256 of "${fixtures}/chain/leaf.pem"
    And the output contains "Verdict: ok (0 errors, 0 warnings)"
    And the output contains "TLS          127.0.0.1:"
    And there is no stack trace
    And no output contains the private key in "${fixtures}/chain/leaf.key"

  Scenario: After a replace the probe shows the new leaf, and the old one is an unexpected certificate
    When I type at the prompt with "--sandbox":
      """
      deploy --domain www.example.com ${good}
      deploy --domain www.example.com --cert ${fixtures}/ok-ec/p256.pem --key ${fixtures}/ok-ec/p256.pkcs8.key --chain ${fixtures}/ok-ec/chain.pem --trust ${fixtures}/pki/root-ca.pem --replace
      probe www.example.com --trust ${fixtures}/pki/root-ca.pem --expect-cert ${fixtures}/chain/leaf.pem
      """
    Then the output contains "replaced the certificate of www.example.com"
    And the output contains "key          EC P-256"
    And the output contains the SHA-256 of "${fixtures}/ok-ec/p256.pem"
    And the output contains "served leaf is NOT --expect-cert ${fixtures}/chain/leaf.pem"
    And the output contains "ERROR  unexpected-cert  the server sent the leaf 'www.example.com' (SHA-256 "
    And the output contains "Verdict: error (1 error, 0 warnings)"
    And there is no stack trace
    And no output contains the private key in "${fixtures}/ok-ec/p256.pkcs8.key"

  Scenario: One-shot: a replace switches the certificate served, as --output json shows
    Given the environment points at the sandbox
    When I run "gctls deploy --domain www.example.com ${good}"
    And I run "gctls probe www.example.com --connect 127.0.0.1:${sandboxTlsPort} --trust ${fixtures}/pki/root-ca.pem --expect-cert ${fixtures}/chain/leaf.pem --output json"
    Then the exit code is 0
    And the JSON at "$.certificates[0].sha256" is the SHA-256 of "${fixtures}/chain/leaf.pem"
    When I run "gctls deploy --domain www.example.com --cert ${fixtures}/ok-ec/p256.pem --key ${fixtures}/ok-ec/p256.pkcs8.key --chain ${fixtures}/ok-ec/chain.pem --trust ${fixtures}/pki/root-ca.pem --replace"
    And I run "gctls probe www.example.com --connect 127.0.0.1:${sandboxTlsPort} --trust ${fixtures}/pki/root-ca.pem --expect-cert ${fixtures}/chain/leaf.pem --output json"
    Then the exit code is 3
    And stdout is a JSON document
    And the JSON at "$.certificates[0].sha256" is the SHA-256 of "${fixtures}/ok-ec/p256.pem"
    And the JSON at "$.expected.matches" is "false"
    And the JSON at "$.verdict" is "error"
    And the finding codes are "unexpected-cert"

  Scenario: --output json is one document with the handshake, the served chain and the verdict
    Given the sandbox already holds "www.example.com" with certificate "${fixtures}/chain/leaf.pem", key "${fixtures}/chain/leaf.key" and chain "${fixtures}/chain/chain.pem"
    When I run "gctls probe www.example.com --connect 127.0.0.1:${sandboxTlsPort} --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is 0
    And stdout is a JSON document
    And the JSON at "$.host" is "www.example.com"
    And the JSON at "$.sni" is "www.example.com"
    And the JSON at "$.route" is "connect"
    And the JSON at "$.connectedTo" is "127.0.0.1:${sandboxTlsPort}"
    And the JSON at "$.protocol" is "TLSv1.3"
    And the JSON at "$.ocspStapled" is "false"
    And the JSON at "$.verdict" is "ok"
    And the JSON at "$.certificates[0].role" is "leaf"
    And the JSON at "$.certificates[0].source" is "served"
    And the JSON at "$.certificates[3].role" is "anchor"
    And the JSON at "$.certificates[0].sha256" is the SHA-256 of "${fixtures}/chain/leaf.pem"
    And the finding codes are "none"

  Scenario Outline: A chain served out of order is a warning: exit 0, or 1 with --strict
    Given the sandbox already holds "www.example.com" with certificate "${fixtures}/chain/leaf.pem", key "${fixtures}/chain/leaf.key" and chain "${fixtures}/chain-out-of-order/chain.pem"
    When I run "gctls probe www.example.com --connect 127.0.0.1:${sandboxTlsPort} --trust ${fixtures}/pki/root-ca.pem <flags>"
    Then the exit code is <exit>
    And stdout contains "chain-out-of-order  the served certificates come in the order 'www.example.com', 'gctls Test RSA Intermediate', 'gctls Test EC Intermediate', but a server must send the leaf first"
    And stdout contains "Verdict: warn (0 errors, 1 warning)"

    Examples:
      | flags     | exit |
      |           | 0    |
      | --strict  | 1    |

  Scenario: A name the served certificate does not cover is an error verdict (exit 3)
    Given the sandbox already holds "www.example.com" with certificate "${fixtures}/chain/leaf.pem", key "${fixtures}/chain/leaf.key" and chain "${fixtures}/chain/chain.pem"
    When I run "gctls probe shop.example.org --connect 127.0.0.1:${sandboxTlsPort} --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is 3
    And the JSON at "$.sni" is "shop.example.org"
    And the finding codes are "domain-mismatch"

  Scenario: A probe to a closed port at the prompt says so in one line
    When I type at the prompt with "--sandbox":
      """
      probe www.example.com --connect 127.0.0.1:${closedPort}
      """
    Then the output contains "error: probe www.example.com via 127.0.0.1:${closedPort} failed: connection refused (nothing listens on that port)"
    And there is no stack trace

  Scenario Outline: A failed connection or handshake is exit 6 with one line
    When I run "gctls probe <target>"
    Then the exit code is 6
    And stderr is one line starting with "error: probe <shown> failed: <why>"
    And there is no stack trace

    Examples:
      | target                                               | shown                                           | why                                        |
      | 127.0.0.1:1                                          | 127.0.0.1:1                                     | connection refused                         |
      | www.example.com --connect 127.0.0.1:${closedPort}    | www.example.com via 127.0.0.1:${closedPort}     | connection refused                         |
      | www.example.com --connect 127.0.0.1:${sandboxHttpPort} | www.example.com via 127.0.0.1:${sandboxHttpPort} | the server did not answer with TLS      |
      | www.example.com --connect 127.0.0.1:${sandboxTlsPort} | www.example.com via 127.0.0.1:${sandboxTlsPort} | TLS handshake failed                    |

  Scenario: With --output json a failed probe is one JSON error document
    When I run "gctls probe 127.0.0.1:${closedPort} --output json"
    Then the exit code is 6
    And stdout is a JSON document
    And the JSON at "$.error.exitCode" is "6"
    And the JSON at "$.error.message" contains "connection refused"

  Scenario Outline: A bad HOST or option is a usage error
    When I run "gctls probe <arguments>"
    Then the exit code is 2
    And stderr is one line starting with "error: <message>"

    Examples:
      | arguments                            | message                                                               |
      |                                      | 'probe' needs HOST[:PORT]                                             |
      | www.example.com:99999                | HOST 'www.example.com:99999': the port must be 1 to 65535, not '99999' |
      | www.example.com --connect 10.0.0.1:x | --connect '10.0.0.1:x': the port must be 1 to 65535, not 'x'          |
      | www.example.com --timeout soon       | --timeout expects a duration                                          |
      | a.example.com b.example.com          | 'probe' takes one HOST[:PORT], not 2                                  |

  Scenario: In a sandbox session a name that is not deployed there is not probed for real unless --connect says so
    When I type at the prompt with "--sandbox":
      """
      probe nowhere.invalid
      probe www.example.com:8443
      """
    Then the output contains "error: nowhere.invalid is not deployed in the sandbox, and a sandbox session does not leave the sandbox by itself: deploy it here first, or probe the real server with --connect nowhere.invalid"
    And the output contains "error: www.example.com is not deployed in the sandbox, and a sandbox session does not leave the sandbox by itself: deploy it here first, or probe the real server with --connect www.example.com:8443"
    And there is no stack trace
