package io.leaks.trend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("core")
class MemorySamplerTests {

	@TempDir
	Path directory;

	@Test
	void sampleShouldReadTheRunningJvm() {
		MemorySample sample = new MemorySampler().sample(1234);
		assertThat(sample.atMillis()).isEqualTo(1234);
		assertThat(sample.heapUsed()).isPositive();
		assertThat(sample.heapCommitted()).isGreaterThanOrEqualTo(sample.heapUsed());
		assertThat(sample.heapMax()).isGreaterThanOrEqualTo(sample.heapCommitted());
		assertThat(sample.metaspaceUsed()).isPositive();
		assertThat(sample.loadedClasses()).isGreaterThan(500);
		assertThat(sample.liveThreads()).isPositive();
		assertThat(sample.directBytes()).isNotNegative();
	}

	@Test
	void residentMemoryShouldBeReadFromProcStatus() throws IOException {
		Path status = this.directory.resolve("status");
		Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n");
		assertThat(new MemorySampler(status).residentBytes()).isEqualTo(123456L * 1024);
	}

	@Test
	void residentMemoryShouldBeUnknownWithoutProcStatus() throws IOException {
		assertThat(new MemorySampler(this.directory.resolve("missing")).residentBytes()).isEqualTo(-1);
		Path garbled = this.directory.resolve("garbled");
		Files.writeString(garbled, "VmRSS: lots\n");
		assertThat(new MemorySampler(garbled).residentBytes()).isEqualTo(-1);
	}

}
