package io.podidentity.nmi.testing;

import io.podidentity.nmi.net.CommandRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A command runner that records commands and answers from a script (default: success, no output). */
public final class FakeCommands implements CommandRunner {
  private final List<List<String>> ran = new CopyOnWriteArrayList<>();
  private volatile Function<List<String>, Result> script = command -> new Result(0, "", "");
  private volatile List<String> programs = List.of("iptables");

  public void reset() {
    ran.clear();
    script = command -> new Result(0, "", "");
    programs = List.of("iptables");
  }

  public void script(Function<List<String>, Result> answers) {
    script = answers;
  }

  public void programs(List<String> present) {
    programs = List.copyOf(present);
  }

  public List<List<String>> ran() {
    return List.copyOf(ran);
  }

  @Override
  public Result run(List<String> command, Duration timeout) {
    ran.add(List.copyOf(command));
    return script.apply(command);
  }

  @Override
  public boolean available(String program) {
    return programs.contains(program);
  }
}
