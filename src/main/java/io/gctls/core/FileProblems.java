package io.gctls.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What went wrong with a file, in words: "no such file", "permission denied", "it is a folder".
 * Java's exception names ({@code NoSuchFileException}, {@code IOException Is a directory}) mean
 * nothing to the person who typed the path. The path itself is left to the caller's sentence.
 */
public final class FileProblems {

    private FileProblems() {
    }

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "the path loops through links";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "the file could not be read or written";
        }
        String r = reason.strip();
        String lower = r.toLowerCase(Locale.ROOT);
        if (lower.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (lower.contains("not a directory")) {
            return "a part of the path is not a folder";
        }
        if (lower.contains("no space left")) {
            return "no space left on the device";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        // the operating system's own words (e.g. "Input/output error"), never the exception's class
        return Character.toLowerCase(r.charAt(0)) + r.substring(1);
    }
}
