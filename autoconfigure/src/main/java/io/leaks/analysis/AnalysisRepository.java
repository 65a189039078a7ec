package io.leaks.analysis;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyses kept on disk, beside the heap dumps: one owner-only JSON file per analysis
 * (a result names classes and field names of the application, and the thread names), at
 * most {@code maxCount} finished ones (the oldest go first), and the analyzer's work
 * directories. Only files named by {@link #newId} are ever read or deleted.
 */
public final class AnalysisRepository {

	private static final Pattern ID = Pattern.compile("a-\\d{8}T\\d{9}Z(-\\d{1,4})?");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String SUFFIX = ".json";

	private static final String WORK = "work-";

	private final Path directory;

	private final int maxCount;

	private final JsonMapper json = JsonMapper.builder().build();

	public AnalysisRepository(Path directory, int maxCount) {
		if (maxCount < 1) {
			throw new IllegalArgumentException("maxCount must be at least 1, was " + maxCount);
		}
		this.directory = directory.toAbsolutePath().normalize();
		this.maxCount = maxCount;
	}

	public Path directory() {
		return this.directory;
	}

	public int maxCount() {
		return this.maxCount;
	}

	/**
	 * Whether a text is an analysis id.
	 * @param id the text
	 * @return whether {@link #newId} could have made it
	 */
	public static boolean isId(String id) {
		return ID.matcher(id).matches();
	}

	/**
	 * A fresh id, unused in the directory.
	 * @param now the time of the request
	 * @return the id
	 */
	synchronized String newId(Instant now) {
		String base = "a-" + STAMP.format(now);
		String id = base;
		for (int attempt = 1; Files.exists(file(id), LinkOption.NOFOLLOW_LINKS); attempt++) {
			id = base + "-" + attempt;
		}
		return id;
	}

	/**
	 * Writes an analysis (atomically, owner-only) and, if it is finished, deletes the
	 * oldest finished analyses beyond the limit.
	 * @param analysis the analysis
	 * @return the ids of the analyses deleted to stay within the limit
	 */
	synchronized List<String> save(Analysis analysis) {
		try {
			prepare();
			Path target = file(analysis.id());
			Path partial = target.resolveSibling(target.getFileName() + ".partial");
			Files.deleteIfExists(partial);
			Files.createFile(partial, ownerOnly());
			this.json.writeValue(partial.toFile(), analysis);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | JacksonException ex) {
			throw new AnalysisException(AnalysisException.Reason.UNAVAILABLE,
					"Cannot write analysis " + analysis.id() + " into " + this.directory + ": " + ex.getMessage());
		}
		return analysis.status().finished() ? applyRetention() : List.of();
	}

	/**
	 * Every analysis kept, oldest first.
	 * @return the analyses
	 */
	public synchronized List<Analysis> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Analysis> analyses = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory, "a-*" + SUFFIX)) {
			for (Path entry : entries) {
				read(entry).ifPresent(analyses::add);
			}
		}
		catch (IOException ex) {
			throw new AnalysisException(AnalysisException.Reason.UNAVAILABLE,
					"Cannot list the analyses in " + this.directory + ": " + ex.getMessage());
		}
		analyses.sort(Comparator.comparing(Analysis::requestedAt).thenComparing(Analysis::id));
		return analyses;
	}

	public synchronized Optional<Analysis> get(String id) {
		if (!isId(id)) {
			return Optional.empty();
		}
		return read(file(id));
	}

	synchronized boolean delete(String id) {
		if (!isId(id)) {
			return false;
		}
		try {
			return Files.deleteIfExists(file(id));
		}
		catch (IOException ex) {
			throw new AnalysisException(AnalysisException.Reason.UNAVAILABLE,
					"Cannot delete analysis " + id + ": " + ex.getMessage());
		}
	}

	/**
	 * The work directory of an analysis run.
	 * @param id the analysis
	 * @return {@code work-<id>} in the directory
	 */
	Path workDirectory(String id) {
		return this.directory.resolve(WORK + id);
	}

	/**
	 * Where the jars of the analyzer's class path are copied when the application runs
	 * from a Spring Boot jar.
	 * @return the directory
	 */
	public Path runtimeDirectory() {
		return this.directory.resolve("runtime");
	}

	/**
	 * Cleans up after an application that stopped while analysing: analyses it left
	 * queued or running failed, and their work directories go.
	 * @param now the time
	 * @return the analyses marked failed
	 */
	synchronized List<Analysis> recover(Instant now) {
		List<Analysis> recovered = new ArrayList<>();
		for (Analysis analysis : list()) {
			if (!analysis.status().finished()) {
				Analysis failed = analysis.failed("The application stopped before the analysis finished", now);
				save(failed);
				recovered.add(failed);
			}
		}
		if (Files.isDirectory(this.directory)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory, WORK + "a-*")) {
				for (Path entry : entries) {
					if (isId(entry.getFileName().toString().substring(WORK.length()))) {
						AnalyzerMain.deleteRecursively(entry);
					}
				}
			}
			catch (IOException ex) {
				// Left for the next start.
			}
		}
		return recovered;
	}

	private List<String> applyRetention() {
		List<Analysis> finished = list().stream().filter((analysis) -> analysis.status().finished()).toList();
		List<String> deleted = new ArrayList<>();
		for (int i = 0; i < finished.size() - this.maxCount; i++) {
			if (delete(finished.get(i).id())) {
				deleted.add(finished.get(i).id());
			}
		}
		return deleted;
	}

	private Optional<Analysis> read(Path file) {
		String name = file.getFileName().toString();
		if (!name.endsWith(SUFFIX) || !isId(name.substring(0, name.length() - SUFFIX.length()))
				|| !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(file.toFile(), Analysis.class));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private void prepare() throws IOException {
		ChildAnalyzer.createPrivateDirectory(this.directory);
	}

	private Path file(String id) {
		return this.directory.resolve(id + SUFFIX);
	}

	private FileAttribute<?>[] ownerOnly() {
		if (this.directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[] {
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
		}
		return new FileAttribute<?>[0];
	}

}
