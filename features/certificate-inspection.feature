Feature: Certificate inspection
  An engineer points gctls at the certificate, key and chain they were handed and gets a verdict
  they can trust before anything is sent anywhere: every check of docs/findings.md, one verdict, exit 3
  for an error verdict, warnings that pass unless --strict, and never a secret in the output.

  Background:
    Given a private file "pw.txt" containing:
      """
      correct horse battery staple
      """

  Scenario: A healthy 3-certificate bundle passes
    When I run "gctls cert inspect --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --domain www.example.com --trust ${fixtures}/chain/root.pem"
    Then the exit code is 0
    And stdout contains "Certificate 0: leaf (from --cert)"
    And stdout contains "subject      CN=www.example.com,O=Example"
    And stdout contains "SCTs         embedded"
    And stdout contains "No findings."
    And stdout contains "Verdict: ok (0 errors, 0 warnings)"
    And there is no stack trace

  Scenario: The JSON document is the contract one
    When I run "gctls cert inspect --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --domain www.example.com --trust ${fixtures}/chain/root.pem --output json"
    Then the exit code is 0
    And stdout is a JSON document
    And the JSON at "$.verdict" is "ok"
    And the JSON at "$.findings" has 0 elements
    And the JSON at "$.certificates" has 4 elements
    And the JSON at "$.certificates[0].role" is "leaf"
    And the JSON at "$.certificates[0].keyType" is "RSA"
    And the JSON at "$.certificates[0].ocsp" has 0 elements
    And the JSON at "$.certificates[0].revocation" is "not checked: no OCSP or CRL location"
    And the JSON at "$.network.fetches" has 0 elements
    And the JSON at "$.certificates[1].subject" is "CN=gctls Test EC Intermediate,O=gctls test"
    And the JSON at "$.certificates[3].role" is "anchor"

  Scenario Outline: <case> gives <verdict> with <codes>
    When I run "gctls cert inspect --cert ${fixtures}/<cert> --key ${fixtures}/<key> --chain ${fixtures}/<chain> --domain <domain> --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is <exit>
    And the JSON at "$.verdict" is "<verdict>"
    And the finding codes are "<codes>"
    And there is no stack trace

    Examples:
      | case                  | cert                         | key                           | chain                           | domain          | verdict | codes               | exit |
      | reversed chain        | chain/leaf.pem               | chain/leaf.key                | chain-out-of-order/chain.pem    | www.example.com | warn    | chain-out-of-order  | 0    |
      | root in the chain     | chain/leaf.pem               | chain/leaf.key                | root-included/chain.pem         | www.example.com | warn    | root-included       | 0    |
      | an unrelated cert     | chain/leaf.pem               | chain/leaf.key                | extra-cert/chain.pem            | www.example.com | warn    | extra-cert          | 0    |
      | leaf repeated         | chain/leaf.pem               | chain/leaf.key                | leaf-in-chain/chain.pem         | www.example.com | warn    | leaf-in-chain       | 0    |
      | missing intermediate  | chain/leaf.pem               | chain/leaf.key                | chain-incomplete/chain.pem      | www.example.com | error   | chain-incomplete    | 3    |
      | untrusted root        | untrusted-root/leaf.pem      | untrusted-root/leaf.key       | untrusted-root/chain.pem        | www.example.com | error   | untrusted-root      | 3    |
      | corrupted signature   | bad-signature/leaf.pem       | bad-signature/leaf.key        | ok-rsa/chain.pem                | www.example.com | error   | bad-signature       | 3    |
      | issuer not a CA       | intermediate-not-ca/leaf.pem | intermediate-not-ca/leaf.key  | intermediate-not-ca/chain.pem   | www.example.com | error   | intermediate-not-ca | 3    |
      | path too long         | path-length-exceeded/leaf.pem | path-length-exceeded/leaf.key | path-length-exceeded/chain.pem | www.example.com | error   | path-length-exceeded | 3   |
      | wildcard apex         | wildcard/leaf.pem            | wildcard/leaf.key             | wildcard/chain.pem              | example.com     | error   | domain-mismatch     | 3    |
      | wildcard one label    | wildcard/leaf.pem            | wildcard/leaf.key             | wildcard/chain.pem              | www.example.com | ok      | none                | 0    |
      | CN only, no SAN       | cn-only/leaf.pem             | cn-only/leaf.key              | cn-only/chain.pem               | www.example.com | error   | domain-mismatch     | 3    |
      | SHA-1 signed          | weak-signature-sha1/leaf.pem | weak-signature-sha1/leaf.key  | weak-signature-sha1/chain.pem   | www.example.com | error   | weak-signature      | 3    |
      | RSA 1024              | weak-key-rsa1024/leaf.pem    | weak-key-rsa1024/leaf.key     | weak-key-rsa1024/chain.pem      | www.example.com | error   | weak-key            | 3    |
      | leaf is a CA          | leaf-is-ca/leaf.pem          | leaf-is-ca/leaf.key           | leaf-is-ca/chain.pem            | www.example.com | error   | leaf-is-ca          | 3    |
      | clientAuth only       | no-server-auth-eku/leaf.pem  | no-server-auth-eku/leaf.key   | no-server-auth-eku/chain.pem    | www.example.com | error   | no-server-auth-eku  | 3    |
      | no EKU                | no-eku/leaf.pem              | no-eku/leaf.key               | no-eku/chain.pem                | www.example.com | warn    | no-eku              | 0    |
      | no digitalSignature   | bad-key-usage/leaf.pem       | bad-key-usage/leaf.key        | bad-key-usage/chain.pem         | www.example.com | error   | bad-key-usage       | 3    |
      | expired               | expired/leaf.pem             | expired/leaf.key              | expired/chain.pem               | www.example.com | error   | expired             | 3    |
      | not yet valid         | not-yet-valid/leaf.pem       | not-yet-valid/leaf.key        | not-yet-valid/chain.pem         | www.example.com | error   | not-yet-valid       | 3    |
      | another key           | ok-rsa/leaf.pem              | key-mismatch/other-rsa.key    | ok-rsa/chain.pem                | www.example.com | error   | key-mismatch        | 3    |
      | the key as cert       | ok-rsa/leaf.key              | ok-rsa/leaf.key               | ok-rsa/chain.pem                | www.example.com | error   | cert-is-key         | 3    |
      | the cert as key       | ok-rsa/leaf.pem              | ok-rsa/leaf.pem               | ok-rsa/chain.pem                | www.example.com | error   | key-is-cert         | 3    |
      | a public key as key   | ok-rsa/leaf.pem              | ok-rsa/leaf.pub               | ok-rsa/chain.pem                | www.example.com | error   | key-is-public-key   | 3    |
      | an empty cert file    | ok-rsa/empty.pem             | ok-rsa/leaf.key               | ok-rsa/chain.pem                | www.example.com | error   | empty-cert          | 3    |
      | garbage               | bad-input/garbage.txt        | ok-rsa/leaf.key               | ok-rsa/chain.pem                | www.example.com | error   | bad-pem             | 3    |
      | DER leaf              | ok-rsa/leaf.der              | ok-rsa/leaf.key               | ok-rsa/chain.pem                | www.example.com | warn    | der                 | 0    |
      | BOM, CRLF and text    | ok-rsa/messy-bom-crlf.pem    | ok-rsa/leaf-bom-crlf.key      | ok-rsa/chain.pem                | www.example.com | warn    | bom                 | 0    |
      | Ed25519               | ok-ed25519/leaf.pem          | ok-ed25519/leaf.key           | ok-ed25519/chain.pem            | www.example.com | ok      | none                | 0    |
      | P-521 SEC1 key        | ok-ec/p521.pem               | ok-ec/p521.sec1.key           | ok-ec/chain.pem                 | www.example.com | ok      | none                | 0    |

  Scenario: Findings in text name the code and say what to do
    When I run "gctls cert inspect --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --trust ${fixtures}/pki/root-ca.pem"
    Then the exit code is 3
    And stdout contains "ERROR  chain-incomplete  the issuer of 'www.example.com' (CN=gctls Test EC Intermediate,O=gctls test) is neither in the chain supplied nor in --trust"
    And stdout contains "add the missing intermediate to --chain"
    And stdout contains "Verdict: error (1 error, 0 warnings)"

  Scenario: A leaf close to its end warns, and fails only under --strict
    Given a leaf for www.example.com that expires in 10 days, with its key and chain in "soon"
    When I run "gctls cert inspect --cert ${tmp}/soon/leaf.pem --key ${tmp}/soon/leaf.key --chain ${tmp}/soon/chain.pem --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is 0
    And the JSON at "$.verdict" is "warn"
    And the finding codes are "expires-soon"
    And the JSON at "$.findings[0].message" contains "in 10 days"
    When I run "gctls cert inspect --cert ${tmp}/soon/leaf.pem --key ${tmp}/soon/leaf.key --chain ${tmp}/soon/chain.pem --trust ${fixtures}/pki/root-ca.pem --strict"
    Then the exit code is 1
    When I run "gctls cert inspect --cert ${tmp}/soon/leaf.pem --key ${tmp}/soon/leaf.key --chain ${tmp}/soon/chain.pem --trust ${fixtures}/pki/root-ca.pem --warn-days 7 --strict"
    Then the exit code is 0

  Scenario: A missing file is one line and exit 3
    When I run "gctls cert inspect --cert ${tmp}/nowhere.pem --key ${fixtures}/chain/leaf.key"
    Then the exit code is 3
    And stderr is one line starting with "error: cannot read --cert ${tmp}/nowhere.pem: no such file"
    And there is no stack trace

  Scenario: Without --cert it is a usage error
    When I run "gctls cert inspect --key ${fixtures}/chain/leaf.key"
    Then the exit code is 2
    And stderr is one line starting with "error: 'cert inspect' needs --cert FILE"

  Scenario: An encrypted key opens with a password file, and the password never shows
    When I run "gctls cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-pkcs8.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem --password-file ${tmp}/pw.txt --debug"
    Then the exit code is 0
    And stdout contains "Verdict: ok"
    And the output shows nothing of the key "${fixtures}/ok-rsa/leaf.pkcs8.key" or the password "correct horse battery staple"

  Scenario: An encrypted key opens with GCTLS_KEY_PASSWORD
    Given the environment variable GCTLS_KEY_PASSWORD is "correct horse battery staple"
    When I run "gctls cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-legacy.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is 0
    And the finding codes are "none"
    And the output shows nothing of the key "${fixtures}/ok-rsa/leaf.key" or the password "correct horse battery staple"

  Scenario: Without a password a one-shot run does not wait for one
    When I run "gctls cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-pkcs8.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem --output json"
    Then the exit code is 3
    And the finding codes are "encrypted-key"
    And the JSON at "$.findings[0].message" contains "--password-file or GCTLS_KEY_PASSWORD"

  Scenario: A password file others can read is refused, as a secret file is
    Given a file "shared-pw.txt" containing:
      """
      correct horse battery staple
      """
    When I run "gctls cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-pkcs8.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem --password-file ${tmp}/shared-pw.txt"
    Then the exit code is 3
    And stderr is one line starting with "error: refusing to read the --password-file from ${tmp}/shared-pw.txt: other users can read it (run: chmod 600"

  Scenario: A device or an endless stream as a file is refused, never an internal error
    When I run "gctls cert inspect --cert /dev/zero --key ${fixtures}/chain/leaf.key"
    Then the exit code is 3
    And stderr is one line starting with "error: cannot read --cert /dev/zero: it holds more than 4 MiB"
    And there is no stack trace

  Scenario: A wrong password is an error that shows no password
    Given a private file "wrong.txt" containing:
      """
      hunter2-hunter2
      """
    When I run "gctls cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-legacy.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem --password-file ${tmp}/wrong.txt --output json --debug"
    Then the exit code is 3
    And the finding codes are "wrong-password"
    And the output shows nothing of the key "${fixtures}/ok-rsa/leaf.key" or the password "hunter2-hunter2"

  Scenario: A command file stops at the first bundle with an error verdict
    When I run the command file:
      """
      # rotation pre-flight: both bundles must pass
      cert inspect --cert ${fixtures}/chain/leaf.pem --key ${fixtures}/chain/leaf.key --chain ${fixtures}/chain/chain.pem --trust ${fixtures}/pki/root-ca.pem
      cert inspect --cert ${fixtures}/expired/leaf.pem --key ${fixtures}/expired/leaf.key --chain ${fixtures}/expired/chain.pem --trust ${fixtures}/pki/root-ca.pem
      cert inspect --cert ${fixtures}/ok-ec/p256.pem --key ${fixtures}/ok-ec/p256.sec1.key --chain ${fixtures}/ok-ec/chain.pem --trust ${fixtures}/pki/root-ca.pem
      """
    Then the exit code is 3
    And stdout contains "Verdict: ok"
    And stdout contains "ERROR  expired"
    And stderr contains "stopped at run.gctls line 3 (exit 3)"
    And stdout does not contain "EC P-256"

  Scenario: A command file of warnings succeeds, and fails under --strict
    When I run the command file:
      """
      cert inspect --cert ${fixtures}/no-eku/leaf.pem --key ${fixtures}/no-eku/leaf.key --chain ${fixtures}/no-eku/chain.pem --trust ${fixtures}/pki/root-ca.pem
      cert inspect --cert ${fixtures}/no-eku/leaf.pem --chain ${fixtures}/no-eku/chain.pem --trust ${fixtures}/pki/root-ca.pem --strict
      """
    Then the exit code is 1
    And stderr contains "stopped at run.gctls line 2 (exit 1)"

  Scenario: At the prompt the key's password is asked for, masked, and the session goes on
    When I type at the prompt:
      """
      cert inspect --cert ${fixtures}/ok-rsa/leaf.pem --key ${fixtures}/ok-rsa/leaf.enc-pkcs8.key --chain ${fixtures}/ok-rsa/chain.pem --trust ${fixtures}/pki/root-ca.pem
      correct horse battery staple
      cert inspect --cert ${fixtures}/bad-input/garbage.txt
      exit
      """
    Then the exit code is 0
    And the output contains "Password for --key ${fixtures}/ok-rsa/leaf.enc-pkcs8.key:"
    And the output contains "Verdict: ok"
    And the output contains "ERROR  bad-pem  --cert ${fixtures}/bad-input/garbage.txt holds no certificate"
    And the output contains "Verdict: error"
    And the output does not contain "correct horse battery staple"

  Scenario Outline: A PKCS#12 or JKS file gives leaf, key and chain: <case>
    When I run "gctls cert inspect --cert ${fixtures}/pkcs12/<file> --password-file ${tmp}/pw.txt --trust ${fixtures}/pki/root-ca.pem --domain www.example.com <more> --output json"
    Then the exit code is <exit>
    And the finding codes are "<codes>"
    And the output shows nothing of the key "${fixtures}/ok-rsa/leaf.pkcs8.key" or the password "correct horse battery staple"

    Examples:
      | case                      | file          | more          | exit | codes           |
      | modern (AES-256, PBKDF2)  | modern.p12    |               | 0    | none            |
      | legacy (RC2/3DES, SHA-1)  | legacy.p12    |               | 0    | none            |
      | Java keystore             | store.jks     |               | 0    | none            |
      | two keys, no alias        | two-keys.p12  |               | 3    | multiple-leaves |
      | two keys, --alias www     | two-keys.p12  | --alias www   | 0    | none            |

  Scenario: Help explains the options with examples
    When I run "gctls help cert inspect"
    Then the exit code is 0
    And stdout contains "--password-file FILE"
    And stdout contains "Examples:"
    And stdout contains "cert inspect --cert fullchain.pem --key leaf.key --trust root.pem --output json"
