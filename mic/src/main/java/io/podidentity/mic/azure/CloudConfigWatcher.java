package io.podidentity.mic.azure;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Watches azure.json and calls {@code onChange} when its content changes (the original re-initialised its cloud
 * client on every fsnotify write). The directory is watched, not the file, so the atomic symlink swaps of mounted
 * Secrets and ConfigMaps are seen too; unchanged content after an event calls nothing.
 */
public final class CloudConfigWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CloudConfigWatcher.class.getName());

  private final Path file;
  private final Runnable onChange;
  private final WatchService service;
  private final Thread thread;
  private byte[] seen;

  public CloudConfigWatcher(Path file, Runnable onChange) throws IOException {
    this.file = file.toAbsolutePath();
    this.onChange = onChange;
    this.service = this.file.getFileSystem().newWatchService();
    this.file.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
    this.seen = content();
    this.thread = Thread.ofPlatform().daemon().name("mic-cloud-config-watcher").start(this::watch);
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = service.take();
        key.pollEvents();
        byte[] now = content();
        if (!Arrays.equals(now, seen)) {
          seen = now;
          LOG.info(() -> "notice change of cloud config " + file);
          onChange.run();
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private byte[] content() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
    thread.interrupt();
  }
}
