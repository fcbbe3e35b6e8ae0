package io.podidentity.kubesim.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Accept header, read as the apiserver's content negotiation reads it: which representation the client asks
 * for first among those the simulator serves (plain JSON, a {@code meta.k8s.io} Table or PartialObjectMetadata,
 * aggregated discovery).
 */
public record MediaTypes(List<Range> ranges) {
  /** One media range with its parameters ({@code as}, {@code v}, {@code g}). */
  public record Range(String type, Map<String, String> params) {
    boolean is(String as, String group, List<String> versions) {
      return as.equals(params.get("as")) && group.equals(params.get("g")) && versions.contains(params.get("v"));
    }
  }

  public static MediaTypes parse(String accept) {
    List<Range> out = new ArrayList<>();
    if (accept != null) {
      for (String part : accept.split(",")) {
        String[] pieces = part.split(";");
        Map<String, String> params = new HashMap<>();
        for (int i = 1; i < pieces.length; i++) {
          String[] kv = pieces[i].split("=", 2);
          if (kv.length == 2) {
            params.put(kv[0].trim(), kv[1].trim());
          }
        }
        out.add(new Range(pieces[0].trim().toLowerCase(), params));
      }
    }
    return new MediaTypes(out);
  }

  /** The first range asking for a conversion this server can do ("Table", "PartialObjectMetadata"...), or null. */
  public Range conversion(String as, String group, List<String> versions) {
    for (Range r : ranges) {
      if (r.type().equals("application/json") && r.is(as, group, versions)) {
        return r;
      }
      if (acceptsPlainJson(r)) {
        return null;
      }
    }
    return null;
  }

  /** Whether plain JSON is acceptable at all (else the client only takes protobuf or something else). */
  public boolean acceptsJson() {
    return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.type().equals("application/json")
        || r.type().equals("*/*") || r.type().equals("application/*") || r.type().equals("application/yaml"));
  }

  private static boolean acceptsPlainJson(Range r) {
    return (r.type().equals("application/json") && !r.params().containsKey("as"))
        || r.type().equals("*/*") || r.type().equals("application/*");
  }
}
