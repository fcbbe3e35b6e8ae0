package io.podidentity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/configuration.md and src-config/ agree: each program's table has one row per key of its properties file, in
 * the file's order, with the file's default. (That the files hold exactly the keys the code reads is tested beside
 * each program's settings reader.)
 */
class ConfigurationReferenceTest {
  private static final Path ROOT = Kustomize.repositoryRoot();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mic", "nmi"})
  void theReferenceTableListsEveryKeyOfSrcConfigWithItsDefault(String program) throws IOException {
    Map<String, String> file = properties(ROOT.resolve("src-config").resolve(program + ".properties"));
    Map<String, String> documented = table(Files.readString(ROOT.resolve("docs/configuration.md")),
        "## " + program.toUpperCase(java.util.Locale.ROOT));

    assertThat(documented.keySet()).as("keys documented for " + program)
        .containsExactlyElementsOf(file.keySet());
    assertThat(documented).as("defaults documented for " + program).isEqualTo(file);
  }

  /** Keys and values in file order; the files use neither continuation lines nor ':' separators. */
  static Map<String, String> properties(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      assertThat(eq).as(file + ": " + line).isPositive();
      out.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
    }
    return out;
  }

  /** The key (first column) and default (fourth column) of each row of the first table under {@code heading}. */
  static Map<String, String> table(String markdown, String heading) {
    List<String> lines = markdown.lines().toList();
    int start = lines.indexOf(heading);
    assertThat(start).as("heading " + heading).isNotNegative();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("| ") || line.startsWith("| key ")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1).split("(?<!\\\\)\\|")) {
        cells.add(cell.strip());
      }
      out.put(unquote(cells.get(0)), unquote(cells.get(3)));
    }
    return out;
  }

  private static String unquote(String cell) {
    if (cell.equals("empty") || cell.equals("``")) {
      return "";
    }
    return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
  }
}
