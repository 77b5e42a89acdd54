// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
package org.carto.importapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the JNI library libcarto_import_java.so, trying in turn:
 *
 * <ol>
 *   <li>the file named by the system property {@code org.carto.importapi.library};
 *   <li>the copy inside the jar, for this platform ({@code native/linux-x86_64/}): it and the
 *       libraries it needs (libcarto_import, cJSON; listed in load order in {@code natives.txt})
 *       are extracted into a temporary directory, removed at exit;
 *   <li>{@code java.library.path} ({@code System.loadLibrary});
 *   <li>the system's JNI directories, where {@code cmake --install} and packages put it.
 * </ol>
 *
 * The first that loads wins; when none does, the error lists why each failed.
 */
final class NativeLoader {
  static final String PROPERTY = "org.carto.importapi.library";
  private static final String NAME = "carto_import_java";
  private static final String[] SYSTEM_DIRS = {
    "/usr/lib/x86_64-linux-gnu/jni", "/usr/lib/aarch64-linux-gnu/jni", "/usr/lib/jni",
    "/usr/local/lib/x86_64-linux-gnu/jni", "/usr/local/lib/jni"
  };

  private NativeLoader() {}

  /** The platform directory of the jar's native libraries, e.g. "linux-x86_64". */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (arch.equals("amd64") || arch.equals("x86_64")) {
      arch = "x86_64";
    } else if (arch.equals("arm64")) {
      arch = "aarch64";
    }
    return (os.startsWith("linux") ? "linux" : os.replace(' ', '_')) + "-" + arch;
  }

  static synchronized void load() {
    List<String> failures = new ArrayList<>();
    String path = System.getProperty(PROPERTY);
    if (path != null && !path.isEmpty()) {
      System.load(path); // asked for explicitly: its failure is the answer
      return;
    }
    try {
      if (loadBundled()) {
        return;
      }
      failures.add("no native/" + platform() + "/ in the jar");
    } catch (IOException | UnsatisfiedLinkError e) {
      failures.add("the jar's copy: " + e.getMessage());
    }
    try {
      System.loadLibrary(NAME);
      return;
    } catch (UnsatisfiedLinkError e) {
      failures.add("java.library.path: " + e.getMessage());
    }
    for (String dir : SYSTEM_DIRS) {
      Path lib = Paths.get(dir, System.mapLibraryName(NAME));
      if (Files.isRegularFile(lib)) {
        try {
          System.load(lib.toString());
          return;
        } catch (UnsatisfiedLinkError e) {
          failures.add(lib + ": " + e.getMessage());
        }
      }
    }
    throw new UnsatisfiedLinkError("libcarto_import_java not found: " + String.join("; ", failures));
  }

  /** Extracts and loads the jar's libraries for this platform; false when it has none. */
  private static boolean loadBundled() throws IOException {
    String dir = "native/" + platform() + "/";
    List<String> names = new ArrayList<>();
    try (InputStream list = NativeLoader.class.getResourceAsStream(dir + "natives.txt")) {
      if (list == null) {
        return false;
      }
      for (String line : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.trim().isEmpty()) {
          names.add(line.trim());
        }
      }
    }
    Path tmp = Files.createTempDirectory("carto-import-");
    tmp.toFile().deleteOnExit();
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      Path file = tmp.resolve(name);
      try (InputStream in = NativeLoader.class.getResourceAsStream(dir + name)) {
        if (in == null) {
          throw new IOException("natives.txt names " + name + ", which the jar lacks");
        }
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      file.toFile().deleteOnExit();
      files.add(file);
    }
    // Dependencies first: once loaded, the dynamic linker resolves them by their SONAME.
    for (Path file : files) {
      System.load(file.toString());
    }
    return true;
  }
}
