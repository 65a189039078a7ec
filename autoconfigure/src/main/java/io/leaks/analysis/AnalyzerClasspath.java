package io.leaks.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * The class path of the analyzer's JVM: exactly the jars (or class directories) the
 * analyzer's code comes from, found through the classes themselves, so it works however
 * the application is packaged. A class directory or a plain jar (an IDE, Maven's test
 * runner, a classic class path) is used where it is; a jar nested in a Spring Boot fat jar
 * ({@code BOOT-INF/lib/}) is copied out once into a private directory, since a plain JVM
 * cannot read nested jars.
 */
final class AnalyzerClasspath {

	/** One class from each jar the analyzer needs: itself, the heap library, Jackson. */
	private static final List<String> ANCHORS = List.of("io.leaks.analysis.AnalyzerMain",
			"org.netbeans.lib.profiler.heap.Heap", "tools.jackson.databind.ObjectMapper", "tools.jackson.core.JsonParser",
			"com.fasterxml.jackson.annotation.JsonAutoDetect");

	private AnalyzerClasspath() {
	}

	/**
	 * Resolves the class path, copying nested jars into a directory when needed.
	 * @param extracted where to copy nested jars (created owner-only by the caller)
	 * @return the class path entries
	 * @throws IOException if a class cannot be located or its jar cannot be copied
	 */
	static List<Path> resolve(Path extracted) throws IOException {
		Set<Path> entries = new LinkedHashSet<>();
		ClassLoader loader = AnalyzerClasspath.class.getClassLoader();
		for (String anchor : ANCHORS) {
			Class<?> type;
			try {
				type = Class.forName(anchor, false, loader);
			}
			catch (ClassNotFoundException ex) {
				throw new IOException("The analyzer needs " + anchor + ", which is not on the application's class path");
			}
			CodeSource source = type.getProtectionDomain().getCodeSource();
			if (source == null || source.getLocation() == null) {
				throw new IOException("Cannot tell which jar " + anchor + " comes from");
			}
			entries.add(entry(source.getLocation(), extracted));
		}
		return new ArrayList<>(entries);
	}

	private static Path entry(URL location, Path extracted) throws IOException {
		String url = location.toString();
		if ("file".equals(location.getProtocol())) {
			try {
				return Path.of(location.toURI());
			}
			catch (URISyntaxException ex) {
				throw new IOException("Unusable class path location " + url, ex);
			}
		}
		Nested nested = Nested.parse(url);
		if (nested == null) {
			throw new IOException("Cannot start the analyzer from classes loaded from " + url
					+ ": only class directories, jars and jars nested in a Spring Boot jar are supported");
		}
		return nested.copyInto(extracted);
	}

	/**
	 * A jar inside a jar, as Spring Boot's loader names it: {@code jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/}
	 * (Boot 3.2 and later) or {@code jar:file:/app.jar!/BOOT-INF/lib/x.jar!/} (earlier).
	 *
	 * @param outer the fat jar
	 * @param entry the nested jar's entry name
	 */
	record Nested(Path outer, String entry) {

		static @Nullable Nested parse(String url) {
			String rest;
			String separator;
			if (url.startsWith("jar:nested:")) {
				rest = url.substring("jar:nested:".length());
				separator = "/!";
			}
			else if (url.startsWith("jar:file:")) {
				rest = url.substring("jar:file:".length());
				separator = "!/";
			}
			else {
				return null;
			}
			int split = rest.indexOf(separator);
			if (split < 0) {
				return null;
			}
			String outer = URLDecoder.decode(rest.substring(0, split), StandardCharsets.UTF_8);
			String entry = rest.substring(split + separator.length());
			if (entry.endsWith("!/")) {
				entry = entry.substring(0, entry.length() - 2);
			}
			if (!entry.endsWith(".jar")) {
				return null;
			}
			return new Nested(Path.of(outer), entry);
		}

		Path copyInto(Path directory) throws IOException {
			String fileName = this.entry.substring(this.entry.lastIndexOf('/') + 1);
			Path target = directory.resolve(fileName);
			try (ZipFile zip = new ZipFile(this.outer.toFile())) {
				ZipEntry nested = zip.getEntry(this.entry);
				if (nested == null) {
					throw new IOException(this.outer + " has no entry " + this.entry);
				}
				if (Files.isRegularFile(target) && Files.size(target) == nested.getSize()) {
					return target;
				}
				Path partial = directory.resolve(fileName + ".partial");
				try (InputStream in = zip.getInputStream(nested)) {
					Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				}
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			return target;
		}

	}

}
