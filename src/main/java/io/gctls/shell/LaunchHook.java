package io.gctls.shell;

/**
 * Something to do once a session's settings are known and before its first command runs:
 * start the sandbox for {@code --sandbox}, log in to it, and so on. Hooks run in the order
 * {@link Components} lists them.
 */
public interface LaunchHook {

    void beforeFirstCommand(SessionSettings settings, Output output) throws Exception;
}
