package io.gctls.cert;

/** How bad a finding is. The verdict of an inspection is its worst finding's severity. */
public enum Severity {
    INFO, WARN, ERROR;

    public boolean worseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
