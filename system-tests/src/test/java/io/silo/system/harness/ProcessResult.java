package io.silo.system.harness;

/** Exit code and output of one run of a command: the launcher, sentry-cli. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    /** The launcher's refusals are one line on standard error. */
    public String singleErrorLine() {
        String trimmed = stderr.strip();
        if (trimmed.isEmpty() || trimmed.contains("\n")) {
            throw new AssertionError("expected exactly one line on stderr, got:\n" + stderr + "\nstdout:\n" + stdout);
        }
        return trimmed;
    }
}
