package io.gctls.shell;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.jline.utils.Levenshtein;

/** "Did you mean": the nearest known name to a mistyped one ({@code deplyo}, {@code --domian}), if any is near. */
public final class Suggestions {

    private Suggestions() {
    }

    public static Optional<String> nearest(String typed, Collection<String> known) {
        int allowed = typed.length() <= 3 ? 1 : 2;
        return known.stream()
                .filter(name -> !name.equals(typed))
                // cheap first: a 1 MB word is not compared letter by letter with every name
                .filter(name -> Math.abs(name.length() - typed.length()) <= allowed)
                .map(name -> new Scored(name, Levenshtein.distance(typed, name)))
                .filter(s -> s.distance() <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name);
    }

    private record Scored(String name, int distance) {
    }
}
