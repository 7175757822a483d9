Feature: Profiles: named environments in config.toml
  Profiles hold where to connect, the client id, where the secret is, output defaults and retry
  limits. Flags beat the environment, which beats the profile.

  Background:
    Given a secret file "sandbox.secret" containing "gctls-sandbox-secret" readable only by its owner
    And the config file contains:
      """
      default-profile = "lab"

      [lab]
      api-url = "${api}"
      client-id = "gctls-sandbox"
      client-secret-file = "${tmp}/sandbox.secret"

      [lab-json]
      api-url = "${api}"
      client-id = "gctls-sandbox"
      client-secret-file = "${tmp}/sandbox.secret"
      output = "json"

      [prod]
      region = "eu-west-1"
      client-id = "prod-client"
      """

  Scenario: profile list shows every profile and marks the one in use, never a secret
    When I run "gctls profile list"
    Then the exit code is 0
    And stdout contains "|*|lab     |"
    And stdout contains "eu-west-1"
    And stdout contains "file ${tmp}/sandbox.secret"
    And stdout does not contain "gctls-sandbox-secret"

  Scenario: A table wider than any terminal is printed at its natural width, each row on one line
    Given the config file contains:
      """
      [wide]
      region = "eu-west-1"
      client-id = "a-client-id-that-is-longer-than-any-column-a-fixed-width-table-would-give-it"
      client-secret-file = "/srv/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/sandbox.secret"
      """
    When I run "gctls profile list"
    Then the exit code is 0
    And stdout matches "\|wide +\|eu-west-1 +\|a-client-id-that-is-longer-than-any-column-a-fixed-width-table-would-give-it\|file /srv/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/a-long-shared-checkout-folder/sandbox.secret\|\n"

  Scenario: The default profile connects without anything in the environment
    When I run "gctls auth status --output json"
    Then the exit code is 0
    And the JSON at "$.profile" is "lab"
    And the JSON at "$.sources.secret" is "profile lab (file)"

  Scenario: profile use switches the session and is remembered by the next run
    When I run "gctls profile use lab-json"
    And I run "gctls auth status"
    Then the exit code is 0
    And stdout is a JSON document
    And the JSON at "$.profile" is "lab-json"

  Scenario: --output at launch beats the profile's output default
    When I run "gctls --profile lab-json --output text auth status"
    Then the exit code is 0
    And stdout contains "logged in to ${api}"

  Scenario: The environment beats the profile
    Given the environment variable GENESYSCLOUD_OAUTHCLIENT_ID is "someone-else"
    When I run "gctls auth login"
    Then the exit code is 4
    And stderr contains "as client someone-else failed: 401"

  Scenario: profile show describes a profile without its secret
    When I run "gctls profile show prod --output json"
    Then the exit code is 0
    And the JSON at "$.region" is "eu-west-1"
    And the JSON at "$.secret" is "none (environment or prompt)"

  Scenario: An unknown profile is a usage error naming the known ones
    When I run "gctls --profile prdo auth status"
    Then the exit code is 2
    And stderr contains "no profile 'prdo'"
    And stderr contains "lab, lab-json, prod"

  Scenario: At the prompt, --profile at launch selects the profile shown
    When I type at the prompt with "--profile prod":
      """
      profile show
      """
    Then the output contains "profile prod"
