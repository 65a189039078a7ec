package io.leaks.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jars nested in a Spring Boot jar, as its loaders name them, copied out for the
 * analyzer's JVM.
 */
class AnalyzerClasspathTests {

	@TempDir
	Path temp;

	@Test
	void bothFormsOfNestedJarUrlsShouldNameTheOuterJarAndTheEntry() {
		assertThat(AnalyzerClasspath.Nested.parse("jar:nested:/srv/app%20dir/app.jar/!BOOT-INF/lib/lib-1.0.jar!/"))
			.isEqualTo(new AnalyzerClasspath.Nested(Path.of("/srv/app dir/app.jar"), "BOOT-INF/lib/lib-1.0.jar"));
		assertThat(AnalyzerClasspath.Nested.parse("jar:file:/srv/app.jar!/BOOT-INF/lib/lib-1.0.jar!/"))
			.isEqualTo(new AnalyzerClasspath.Nested(Path.of("/srv/app.jar"), "BOOT-INF/lib/lib-1.0.jar"));
		assertThat(AnalyzerClasspath.Nested.parse("jar:nested:/srv/app.jar/!BOOT-INF/classes/!/")).isNull();
		assertThat(AnalyzerClasspath.Nested.parse("http://example.com/lib.jar")).isNull();
	}

	@Test
	void aNestedJarShouldBeCopiedOnceAndReused() throws IOException {
		Path outer = this.temp.resolve("app.jar");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(outer))) {
			zip.putNextEntry(new ZipEntry("BOOT-INF/lib/lib-1.0.jar"));
			zip.write("inner jar bytes".getBytes());
			zip.closeEntry();
		}
		Path extracted = Files.createDirectory(this.temp.resolve("runtime"));
		AnalyzerClasspath.Nested nested = new AnalyzerClasspath.Nested(outer, "BOOT-INF/lib/lib-1.0.jar");
		Path copy = nested.copyInto(extracted);
		assertThat(copy).hasFileName("lib-1.0.jar").hasContent("inner jar bytes");
		long modified = Files.getLastModifiedTime(copy).toMillis();
		try (OutputStream touch = Files.newOutputStream(extracted.resolve("other"))) {
			touch.write(1);
		}
		assertThat(nested.copyInto(extracted)).isEqualTo(copy);
		assertThat(Files.getLastModifiedTime(copy).toMillis()).isEqualTo(modified);
	}

}
