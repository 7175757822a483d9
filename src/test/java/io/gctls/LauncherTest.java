package io.gctls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gctls, the launcher, run for real (bash) on a copy of the project with stand-ins for
 * Maven and the JDKs that record how they were called: it finds its project through symlinks and
 * builds there, never in the current folder; it checks Java and Maven with one line each; it picks a
 * JDK 25 installed beside the default one and trains an AOT cache with it, else an AppCDS archive;
 * it retrains when the JDK changes; it keeps Maven's colours out of piped stderr; one-shot and the
 * prompt get different JVM flags.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private Path project;
    private Path jvms;
    private Path bin;
    private Path tools;
    private Path work;
    private Path links;
    private Path log;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void fakeProjectJdksAndMaven() throws IOException {
        Path real = Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath();
        project = tmp.resolve("checkout");
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(real.resolve("scripts/gctls"), project.resolve("scripts/gctls"));
        executable(project.resolve("scripts/gctls"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/java/A.java"), "class A {}");
        old(project.resolve("pom.xml"));
        old(project.resolve("src/main/java/A.java"));
        old(project.resolve("src/main/java"));
        old(project.resolve("src/main"));

        log = tmp.resolve("calls.log");
        jvms = tmp.resolve("jvm");
        jdk("jdk-17", "17.0.9");
        jdk("jdk-25", "25.0.1");
        jdk("jdk-11", "11.0.20");

        bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("java"), jvms.resolve("jdk-17/bin/java"));
        script(bin.resolve("mvn"), """
                echo "mvn pwd=$PWD args=$* MAVEN_OPTS=$MAVEN_OPTS" >> "%s"
                mkdir -p target && echo jar > target/gctls.jar
                """.formatted(log));
        // the few programs the launcher and the stand-ins use, and no real Maven or Java
        tools = tmp.resolve("tools");
        Files.createDirectories(tools);
        tools("bash", "readlink", "mkdir", "rm", "flock");
        work = tmp.resolve("somewhere-else");
        Files.createDirectories(work);
        links = tmp.resolve("links");
        Files.createDirectories(links);
        // a link to a link, as ~/.local/bin/gctls -> a shared folder -> the checkout
        Files.createSymbolicLink(links.resolve("gctls-shared"), project.resolve("scripts/gctls"));
        Files.createSymbolicLink(links.resolve("gctls"), links.resolve("gctls-shared"));
    }

    /** Puts these system programs on the runs' PATH. */
    private void tools(String... names) throws IOException {
        for (String tool : names) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(tools.resolve(tool))) {
                    Files.writeString(tools.resolve(tool), "#!/bin/sh\nexec " + dir + "/" + tool + " \"$@\"\n");
                    executable(tools.resolve(tool));
                }
            }
        }
    }

    /** A stand-in JDK: a release file, lib/modules, and a java that logs and plays each launcher step. */
    private void jdk(String name, String version) throws IOException {
        Path home = jvms.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Files.writeString(home.resolve("lib/modules"), "modules");
        old(home.resolve("lib/modules"));
        script(home.resolve("bin/java"), """
                echo "java=$0 args=$*" >> "%s"
                for a in "$@"; do
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;;
                    -XX:AOTCacheOutput=*) echo cache > "${a#*=}" ;;
                  esac
                done
                case " $* " in
                  *" extract --destination "*) dest="${@: -1}"; mkdir -p "$dest" && echo app > "$dest/gctls.jar" ;;
                  *" io.gctls.StartupJars merge "*) echo merged > "${@: -2:1}" ;;
                esac
                """.formatted(log));
    }

    private Run gctls(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(links.resolve("gctls"), env, args);
    }

    /** Runs {@code program} from another folder with only the stand-ins and the few tools on PATH. */
    private Run run(Path program, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":" + tools);
        builder.environment().put("HOME", tmp.toString());
        builder.environment().putAll(env);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls() throws IOException {
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Files.deleteIfExists(log);
        return calls;
    }

    private static String last(List<String> calls) {
        return calls.get(calls.size() - 1);
    }

    @Test
    void throughSymlinksItBuildsInItsProjectTrainsWithTheNewestJdkAndRunsOneShotWithC1() throws Exception {
        Run first = gctls(Map.of(), "version");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        List<String> calls = calls();
        assertThat(calls.get(0)).startsWith("mvn pwd=" + project + " ").contains("args=-B ")
                .contains("-Dstyle.color=never").contains("-DskipTests package").contains("-Djansi.noreset=true");
        try (var left = Files.list(work)) {
            assertThat(left).as("nothing is built where the user stands").isEmpty();
        }
        String jdk25 = jvms.resolve("jdk-25/bin/java").toString();
        Path cache = project.resolve("target/gctls-app/start/25.0.1-jdk-25.aot");
        assertThat(calls).anyMatch(c -> c.startsWith("java=" + jdk25) && c.contains("-XX:AOTCacheOutput=" + cache));
        assertThat(last(calls)).startsWith("java=" + jdk25).contains("-XX:AOTCache=" + cache)
                .contains("-XX:TieredStopAtLevel=1").contains("-XX:CICompilerCount=1").contains("-XX:+UseSerialGC")
                .endsWith("io.gctls.GctlsApplication version");
        assertThat(first.stderr()).contains("building gctls in " + project)
                .contains("creating the start-up archive for Java 25.0.1").doesNotContain("\u001b[");

        // everything in place: no build, no extraction, no training; just the run
        Run second = gctls(Map.of(), "cert", "inspect", "--cert", "a b.pem");
        assertThat(second.exitCode()).isZero();
        assertThat(second.stderr()).isEmpty();
        calls = calls();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).endsWith("io.gctls.GctlsApplication cert inspect --cert a b.pem");
    }

    @Test
    void javaHomeIsTakenAsGivenWithAnAppCdsArchiveThatIsRemadeWhenThatJdkChanges() throws Exception {
        Map<String, String> jdk17 = Map.of("JAVA_HOME", jvms.resolve("jdk-17").toString());
        assertThat(gctls(jdk17, "version").exitCode()).isZero();
        Path archive = project.resolve("target/gctls-app/start/17.0.9-jdk-17.jsa");
        List<String> calls = calls();
        assertThat(calls).anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit=" + archive));
        assertThat(last(calls)).startsWith("java=" + jvms.resolve("jdk-17/bin/java"))
                .contains("-XX:SharedArchiveFile=" + archive).doesNotContain("AOTCache");

        assertThat(gctls(jdk17, "version").exitCode()).isZero();
        assertThat(calls()).hasSize(1);

        // the JDK is updated in place: its archive no longer fits and is made again, silently for the user
        Files.setLastModifiedTime(jvms.resolve("jdk-17/lib/modules"), FileTime.from(Instant.now().plusSeconds(5)));
        Run updated = gctls(jdk17, "version");
        assertThat(updated.exitCode()).isZero();
        assertThat(calls()).anyMatch(c -> c.contains("-XX:ArchiveClassesAtExit=" + archive));
    }

    @Test
    void thePromptGetsASmallHeap() throws Exception {
        Map<String, String> jdk17 = Map.of("JAVA_HOME", jvms.resolve("jdk-17").toString());
        gctls(jdk17, "version");
        calls();
        for (String[] prompt : new String[][] {{}, {"--sandbox"}, {"--profile", "prod", "--no-color"}}) {
            assertThat(gctls(jdk17, prompt).exitCode()).isZero();
            String run = last(calls());
            assertThat(run).as(String.join(" ", prompt)).contains("-Xmx128m").contains("-Xmn8m")
                    .contains("-XX:CICompilerCount=1").contains("-XX:SharedArchiveFile=");
        }
        gctls(jdk17, "--sandbox", "auth", "status");
        assertThat(last(calls())).contains("-XX:TieredStopAtLevel=1").doesNotContain("-Xmx128m");

        Map<String, String> extra = new java.util.HashMap<>(jdk17);
        extra.put("GCTLS_JAVA_OPTS", "-Xmx64m -Dx=1");
        gctls(extra, "version");
        assertThat(last(calls())).contains("-Xmx64m -Dx=1 -cp ");
    }

    @Test
    void javaAndMavenAreCheckedWithOneLineEach() throws Exception {
        Run old = gctls(Map.of("JAVA_HOME", jvms.resolve("jdk-11").toString()), "version");
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.stderr().strip().lines()).hasSize(1).first().asString().contains("Java 17 or newer is needed")
                .contains("Java 11");

        Run missingHome = gctls(Map.of("JAVA_HOME", tmp.resolve("nowhere").toString()), "version");
        assertThat(missingHome.exitCode()).isEqualTo(1);
        assertThat(missingHome.stderr().strip().lines()).hasSize(1).first().asString().contains("JAVA_HOME");

        Files.delete(bin.resolve("mvn"));
        Run noMaven = gctls(Map.of("JAVA_HOME", jvms.resolve("jdk-17").toString()), "version");
        assertThat(noMaven.exitCode()).isEqualTo(1);
        assertThat(noMaven.stderr().strip().lines()).singleElement().asString().contains("Maven")
                .contains("no 'mvn' on PATH");
        assertThat(calls()).noneMatch(c -> c.contains("io.gctls.GctlsApplication"));
    }

    @Test
    void scriptsInstallLinksTheLauncherOntoAFolderAndUninstallRemovesIt() throws Exception {
        Path real = Path.of(System.getProperty("gctls.projectDir", ".")).toAbsolutePath();
        Files.copy(real.resolve("scripts/install"), project.resolve("scripts/install"));
        executable(project.resolve("scripts/install"));
        tools("dirname", "ln");
        Path folder = tmp.resolve("home bin");

        Run installed = install(Map.of(), folder.toString());
        assertThat(installed.exitCode()).as(installed.stderr()).isZero();
        Path link = folder.resolve("gctls");
        assertThat(link).isSymbolicLink();
        assertThat(link.toRealPath()).isEqualTo(project.resolve("scripts/gctls").toRealPath());
        assertThat(installed.stdout()).contains("linked " + link)
                .contains(folder + " is NOT on your PATH yet");

        // the installed command, run from another folder, builds and runs in the checkout only
        Run version = run(link, Map.of("JAVA_HOME", jvms.resolve("jdk-17").toString()), "--version");
        assertThat(version.exitCode()).as(version.stderr()).isZero();
        List<String> calls = calls();
        assertThat(calls.get(0)).startsWith("mvn pwd=" + project + " ");
        assertThat(last(calls)).endsWith("io.gctls.GctlsApplication --version");
        try (var left = Files.list(work)) {
            assertThat(left).as("nothing is built where the user stands").isEmpty();
        }

        Run onPath = install(Map.of("PATH", folder + ":" + bin + ":" + tools), folder.toString());
        assertThat(onPath.exitCode()).isZero();
        assertThat(onPath.stdout()).contains(folder + " is on your PATH").doesNotContain("NOT on your PATH");

        Run removed = install(Map.of(), "--uninstall", folder.toString());
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.stdout()).contains("removed " + link);
        assertThat(link).doesNotExist();
        assertThat(folder).isDirectory();
    }

    private Run install(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(project.resolve("scripts/install"), env, args);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body, StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Older than anything the launcher makes, as checked-out sources are. */
    private static void old(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }
}
