package io.iterdef.kb.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds DRL files (source path -> text) under a directory or under classpath:rules/ (directories and jars). */
public final class DrlSources {

	public static final String CLASSPATH_ROOT = "rules";

	private DrlSources() {
	}

	public static Map<String, String> fromDirectory(Path dir) {
		Map<String, String> drl = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl")).sorted()::iterator) {
				drl.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read rules from " + dir, e);
		}
		return drl;
	}

	public static Map<String, String> fromClasspath(ClassLoader loader) {
		Map<String, String> drl = new TreeMap<>();
		try {
			Enumeration<URL> roots = loader.getResources(CLASSPATH_ROOT);
			while (roots.hasMoreElements()) {
				URL url = roots.nextElement();
				if ("file".equals(url.getProtocol())) {
					Path dir = Paths.get(url.toURI());
					fromDirectory(dir).forEach((k, v) -> drl.putIfAbsent(CLASSPATH_ROOT + "/" + k, v));
				}
				else if ("jar".equals(url.getProtocol())) {
					readJar(((JarURLConnection) url.openConnection()).getJarFileURL(), drl);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot list classpath:" + CLASSPATH_ROOT, e);
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
		return drl;
	}

	private static void readJar(URL jarUrl, Map<String, String> drl) throws IOException {
		Path jarPath;
		try {
			jarPath = Paths.get(jarUrl.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			throw new IOException("cannot open " + jarUrl, e);
		}
		try (JarFile jar = new JarFile(jarPath.toFile())) {
			for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements();) {
				JarEntry entry = en.nextElement();
				String name = entry.getName();
				if (name.startsWith(CLASSPATH_ROOT + "/") && name.endsWith(".drl") && !entry.isDirectory()) {
					try (InputStream in = jar.getInputStream(entry)) {
						drl.putIfAbsent(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
					}
				}
			}
		}
	}
}
