package io.leaks.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The file behind a download is opened when the download is checked.
 */
class HeapDumpResourceTests {

	@TempDir
	Path directory;

	@Test
	void aDumpDeletedBeforeItIsOpenedShouldBeNotFound() {
		Path gone = this.directory.resolve("heapdump-20260301T101500123Z-live.hprof");
		assertThatExceptionOfType(LeaksOperationException.class).isThrownBy(() -> new HeapDumpResource(gone))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(404))
			.withMessageStartingWith("Heap dump 'heapdump-20260301T101500123Z-live.hprof' was deleted meanwhile");
	}

	@Test
	void aDumpDeletedAfterItWasOpenedShouldStillBeServedWholeToEveryStream() throws IOException {
		byte[] content = new byte[3 * 65536 + 17];
		new Random(11).nextBytes(content);
		Path file = Files.write(this.directory.resolve("heapdump-20260301T101500123Z-live.hprof"), content);
		HeapDumpResource resource = new HeapDumpResource(file);
		Files.delete(file);
		assertThat(resource.contentLength()).isEqualTo(content.length);
		try (InputStream first = resource.getInputStream(); InputStream second = resource.getInputStream()) {
			assertThat(first.readNBytes(10)).isEqualTo(Arrays.copyOf(content, 10));
			assertThat(second.readAllBytes()).isEqualTo(content);
			assertThat(first.skip(65536)).isEqualTo(65536);
			assertThat(first.read()).isEqualTo(content[65546] & 0xff);
		}
		try (InputStream again = resource.getInputStream()) {
			assertThat(again.readAllBytes()).isEqualTo(content);
		}
		resource.close();
		assertThat(resource.exists()).isFalse();
	}

}
