package io.podidentity.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, section by section: named figures with their unit and, where the issue sets one, the goal
 * they are reported against (never asserted). Written as {@code report.md} (tables) and {@code report.json}.
 */
public final class Report {
  /** One figure; {@code goal} is empty when there is none. */
  public record Figure(String name, double value, String unit, String goal, String description) {}

  /** One part of the run, with its figures in the order measured and free-text notes (setup, caveats, errors). */
  public record Section(String id, String title, List<Figure> figures, List<String> notes) {}

  private final String mode;
  private final Machine machine;
  private final Map<String, Section> sections = new LinkedHashMap<>();

  public Report(String mode, Machine machine) {
    this.mode = mode;
    this.machine = machine;
  }

  public void section(String id, String title) {
    sections.putIfAbsent(id, new Section(id, title, new ArrayList<>(), new ArrayList<>()));
  }

  public void add(String section, String name, double value, String unit, String goal, String description) {
    sections.get(section).figures().add(new Figure(name, value, unit, goal, description));
  }

  public void add(String section, String name, double value, String unit, String description) {
    add(section, name, value, unit, "", description);
  }

  public void note(String section, String note) {
    sections.get(section).notes().add(note);
  }

  public Map<String, Section> sections() {
    return Map.copyOf(sections);
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder("# Benchmark report (" + mode + ")\n\n").append(machine.describe())
        .append("\n\n");
    for (Section s : sections.values()) {
      md.append("## ").append(s.title()).append("\n\n| figure | value | unit | goal | what |\n|---|---:|---|---|---|\n");
      for (Figure f : s.figures()) {
        md.append("| `").append(f.name()).append("` | ").append(format(f.value())).append(" | ").append(f.unit())
            .append(" | ").append(f.goal()).append(" | ").append(f.description()).append(" |\n");
      }
      for (String n : s.notes()) {
        md.append("\n- ").append(n);
      }
      md.append("\n\n");
    }
    return md.toString();
  }

  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("mode", mode);
    root.add("machine", machine.toJson());
    JsonObject all = new JsonObject();
    for (Section s : sections.values()) {
      JsonObject section = new JsonObject();
      section.addProperty("title", s.title());
      JsonObject figures = new JsonObject();
      for (Figure f : s.figures()) {
        JsonObject figure = new JsonObject();
        figure.addProperty("value", Double.isFinite(f.value()) ? f.value() : null);
        figure.addProperty("unit", f.unit());
        figure.addProperty("goal", f.goal());
        figure.addProperty("description", f.description());
        figures.add(f.name(), figure);
      }
      section.add("figures", figures);
      section.add("notes", new GsonBuilder().create().toJsonTree(s.notes()));
      all.add(s.id(), section);
    }
    root.add("sections", all);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root);
  }

  /** A compact table for the terminal. */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    for (Section s : sections.values()) {
      out.append(s.title()).append('\n');
      for (Figure f : s.figures()) {
        out.append(String.format(Locale.ROOT, "  %-44s %14s %-8s %s%n", f.name(), format(f.value()), f.unit(),
            f.goal().isEmpty() ? "" : "goal " + f.goal()));
      }
    }
    return out.toString();
  }

  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.md"), toMarkdown());
      Files.writeString(dir.resolve("report.json"), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.1f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }
}
