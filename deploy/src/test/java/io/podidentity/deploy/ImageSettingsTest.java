package io.podidentity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jib image and the Dockerfile image of each program run with the same JVM flags and the same user. */
class ImageSettingsTest {
  private static final Path ROOT = Kustomize.repositoryRoot();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mic", "nmi"})
  void jibAndDockerfileAgree(String program) throws IOException {
    String pom = Files.readString(ROOT.resolve(program).resolve("pom.xml"));
    String dockerfile = Files.readString(ROOT.resolve(program).resolve("src/main/docker/Dockerfile"));

    assertThat(property(pom, "jib.java.tool.options")).isEqualTo(dockerFlags(dockerfile));
    String user = find(dockerfile, "(?m)^USER (\\S+)$");
    String jibUser = pom.contains("<jib.user>") ? property(pom, "jib.user")
        : property(Files.readString(ROOT.resolve("pom.xml")), "jib.user");
    assertThat(jibUser).isEqualTo(user);
    assertThat(property(pom, "image.name")).isEqualTo(program);
    assertThat(property(pom, "jib.skip")).isEqualTo("false");
  }

  /** NMI's Dockerfile keeps its flags in ARG JVM_FLAGS; MIC's puts them straight into JAVA_TOOL_OPTIONS. */
  private static String dockerFlags(String dockerfile) {
    Matcher arg = Pattern.compile("(?m)^ARG JVM_FLAGS=\"([^\"]+)\"$").matcher(dockerfile);
    return arg.find() ? arg.group(1) : find(dockerfile, "(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"$");
  }

  private static String property(String pom, String name) {
    return find(pom, "<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">");
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("pattern " + regex).isTrue();
    return m.group(1);
  }
}
