package io.gctls.shell;

import java.util.Optional;

/**
 * Session-wide settings fixed at launch ({@code gctls --sandbox --output json ...}) and used as
 * defaults by every command in the session; a command's own options override them.
 *
 * @param profile the profile named with {@code --profile}, if any
 * @param tokenCache false with {@code --no-token-cache}
 * @param formatGiven true when {@code --output} was on the launch line (else a profile's {@code output} applies)
 */
public record SessionSettings(OutputFormat format, boolean debug, boolean strict, boolean colour, boolean sandbox,
        Optional<String> profile, boolean tokenCache, boolean formatGiven) {

    public static SessionSettings defaults() {
        return new SessionSettings(OutputFormat.TEXT, false, false, false, false, Optional.empty(), true, false);
    }

    public SessionSettings withColour(boolean on) {
        return new SessionSettings(format, debug, strict, on, sandbox, profile, tokenCache, formatGiven);
    }

    /** The profile's default format, unless --output was given at launch. */
    public SessionSettings withDefaultFormat(OutputFormat profileFormat) {
        return formatGiven ? this : new SessionSettings(profileFormat, debug, strict, colour, sandbox, profile,
                tokenCache, false);
    }
}
