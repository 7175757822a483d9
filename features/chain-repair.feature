Feature: Chain repair, revocation and finding explanations
  A certificate whose intermediate is missing works in one browser and not another; a revoked one
  is refused by clients that check. gctls fetches a missing intermediate from the certificate's CA
  Issuers (AIA) URL, says so, and puts it in the payload and in the chain `cert bundle` writes; it
  asks the OCSP responder (or the CRL) whether each certificate is revoked. The sandbox issues
  certificates whose AIA and OCSP URLs point at itself, so all of this runs offline.

  Scenario: A leaf from the sandbox's CA: its intermediate comes from AIA, then it is revoked
    When I type at the prompt with "--sandbox":
      """
      sandbox issue www.example.com --out ${tmp}/issued
      cert inspect --cert ${tmp}/issued/leaf.pem --key ${tmp}/issued/leaf.key --trust ${tmp}/issued/root.pem --domain www.example.com
      cert bundle --cert ${tmp}/issued/leaf.pem --trust ${tmp}/issued/root.pem --out ${tmp}/chain.pem
      deploy --domain www.example.com --cert ${tmp}/issued/leaf.pem --key ${tmp}/issued/leaf.key --trust ${tmp}/issued/root.pem
      sandbox revoke www.example.com
      cert inspect --cert ${tmp}/issued/leaf.pem --chain ${tmp}/chain.pem --trust ${tmp}/issued/root.pem
      """
    Then the output contains "issued www.example.com (serial "
    And the output contains "WARN   chain-completed-from-aia  the path to 'gctls Sandbox Root CA' works only with 'gctls Sandbox Intermediate CA', fetched from the CA Issuers (AIA) URL http://127.0.0.1:"
    And the output contains "  revocation   good (OCSP)"
    And the output contains "  CA issuers   http://127.0.0.1:"
    And the output contains "wrote 1 certificate after the leaf 'www.example.com': 'gctls Sandbox Intermediate CA' to ${tmp}/chain.pem"
    And the output contains "fixed        added 'gctls Sandbox Intermediate CA', fetched from http://127.0.0.1:"
    And the output contains "revoked the certificate of www.example.com (serial "
    And the output contains "ERROR  revoked  'www.example.com' is revoked: OCSP says so (keyCompromise)"
    And the file "${tmp}/chain.pem" contains "-----BEGIN CERTIFICATE-----"
    And there is no stack trace

  Scenario: cert bundle writes the chain a server should send, and openssl-style order
    When I run "gctls cert bundle --cert ${fixtures}/chain/leaf.pem --chain ${fixtures}/root-included/chain.pem --trust ${fixtures}/pki/root-ca.pem --out ${tmp}/bundle.pem --output json"
    Then the exit code is 0
    And the JSON at "$.chain" has 2 elements
    And the JSON at "$.chain[0]" is "'gctls Test EC Intermediate'"
    And the JSON at "$.changes" contains "dropped the trust anchor 'gctls Test Root CA' from the chain"
    And the JSON at "$.verdict" is "warn"

  Scenario: Without a path to an anchor cert bundle writes nothing and says why
    When I run "gctls cert bundle --cert ${fixtures}/aia/leaf.pem --trust ${fixtures}/pki/root-ca.pem --offline --out ${tmp}/none.pem"
    Then the exit code is 3
    And stderr is one line starting with "error: no chain to write: chain-incomplete: the issuer of 'www.example.com'"
    And stderr contains "(--offline: its CA Issuers URL http://aia.gctls.test/aia-int-ec.der was not fetched)"
    And stderr contains "nothing was written to ${tmp}/none.pem"

  Scenario: --offline fetches nothing and says so once
    When I run "gctls cert inspect --cert ${fixtures}/revocation/good.pem --chain ${fixtures}/revocation/chain.pem --trust ${fixtures}/pki/root-ca.pem --offline"
    Then the exit code is 0
    And stdout contains "Network: --offline: no AIA, OCSP or CRL fetch (left out: http://ocsp.gctls.test/, http://crl.gctls.test/rev-int.crl)"
    And stdout contains "  revocation   not checked: --offline"

  Scenario: cert explain prints what a code means, why clients fail and how to fix it
    When I run "gctls cert explain chain-completed-from-aia"
    Then the exit code is 0
    And stdout contains "chain-completed-from-aia (WARN)"
    And stdout contains "What it means."
    And stdout contains "Why clients fail."
    And stdout contains "How to fix. Serve the complete chain: `gctls cert bundle --cert leaf.pem --out chain.pem`"
    When I run "gctls cert explain revoked --output json"
    Then the JSON at "$.code" is "revoked"
    And the JSON at "$.severity" is "ERROR"
    When I run "gctls cert explain chain-incomplet"
    Then the exit code is 2
    And stderr is one line starting with "error: no finding code 'chain-incomplet'; did you mean chain-incomplete?"
    When I run "gctls cert explain"
    Then the exit code is 0
    And stdout contains "san-internal-name"
