package io.gctls.shell;

/** What Tab offers for an option's value or a command's argument, beyond files and fixed lists. */
public enum Completion {
    /** Nothing beyond what the option's kind gives (files, choices). */
    NONE,
    /** Command names, word by word ({@code help <Tab>}). */
    COMMANDS,
    /** Ids of deployed custom domains seen this session or by earlier runs ({@code domains show <Tab>}). */
    DOMAIN_IDS,
    /** Names of deployed custom domains ({@code --domain <Tab>}). */
    DOMAIN_NAMES,
    /** Hosts to probe: deployed domains and hosts probed before ({@code probe <Tab>}). */
    HOSTS
}
