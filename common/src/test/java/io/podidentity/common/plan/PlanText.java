package io.podidentity.common.plan;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.UserAssignedIdentityId;
import java.util.ArrayList;
import java.util.List;

/** Renders a plan as short sorted lines, so table rows can state the expected plan in a readable way. */
final class PlanText {
  private PlanText() {}

  static List<String> of(AssignmentPlan plan) {
    List<String> lines = new ArrayList<>();
    for (TargetWork work : plan.targets()) {
      String t = work.target().name();
      work.creates().forEach(a -> lines.add(t + " create " + a.ref()));
      work.updates().forEach(u -> lines.add(t + " update " + u.after().ref() + " on " + u.after().nodeName()));
      work.confirms().forEach(a -> lines.add(t + " confirm " + a.ref()));
      work.removes().forEach(a -> lines.add(t + " remove " + a.ref()));
      work.change().add().forEach(id -> lines.add(t + " +" + id.name()));
      work.change().remove().forEach(id -> lines.add(t + " -" + id.name()));
    }
    plan.orphans().forEach(a -> lines.add("orphan " + a.ref()));
    for (PlanNote note : plan.notes()) {
      lines.add(switch (note) {
        case PlanNote.IdentityNotFound n -> "note identity not found " + n.binding().ref();
        case PlanNote.NodeNotPlaceable n -> "note node not placeable " + n.nodeName() + " for " + n.pod();
        case PlanNote.IdentityNameConflict n -> "note name conflict kept " + n.kept() + " ignored " + n.ignored().ref();
      });
    }
    return lines.stream().sorted().toList();
  }

  static String name(AssignedIdentity a) {
    return a.ref().toString();
  }

  static String name(UserAssignedIdentityId id) {
    return id.name();
  }
}
