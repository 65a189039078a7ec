package io.leaks.allocation;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.leaks.autoconfigure.LeaksAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationFramesTests {

	private final ApplicationFrames frames = new ApplicationFrames(List.of("com.example.common"));

	@ParameterizedTest
	@ValueSource(strings = { "java.util.HashMap", "jdk.internal.reflect.DirectMethodHandleAccessor",
			"sun.nio.ch.SocketChannelImpl", "org.springframework.web.servlet.DispatcherServlet",
			"org.apache.catalina.core.ApplicationFilterChain", "tools.jackson.databind.ObjectMapper",
			"io.leaks.actuate.LeaksEndpoint", "io.leaks.allocation.AllocationTally",
			"com.example.orders.OrderService$$SpringCGLIB$$0", "com.example.common.Json" })
	void frameworkAndStarterFramesShouldNotBeApplicationCode(String className) {
		assertThat(this.frames.isApplication(new Frame(className, "run", 1))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "com.example.orders.OrderService", "io.leaks.demo.listeners.ListenersPattern",
			"com.example.commons.Text", "javaxx.Foo", "springframework.Foo" })
	void applicationFramesShouldBeApplicationCode(String className) {
		assertThat(this.frames.isApplication(new Frame(className, "run", 1))).isTrue();
	}

	@Test
	void firstApplicationFrameShouldSkipTheJdkAndFrameworksAboveIt() {
		List<Frame> stack = List.of(new Frame("java.util.Arrays", "copyOf", 3512),
				new Frame("java.util.ArrayList", "grow", 237), new Frame("com.example.orders.Ledger", "record", 42),
				new Frame("org.springframework.web.servlet.FrameworkServlet", "service", 1),
				new Frame("com.example.orders.OrderController", "post", 17));
		assertThat(this.frames.firstApplicationFrame(stack)).isEqualTo(2);
		assertThat(this.frames.firstApplicationFrame(stack.subList(0, 2))).isEqualTo(-1);
		assertThat(this.frames.firstApplicationFrame(List.of())).isEqualTo(-1);
	}

	/**
	 * A package added to the starter without being listed would let the starter's own
	 * allocations pass for application sites.
	 */
	@Test
	void starterPackagesShouldCoverEveryPackageOfTheStarter() throws IOException, URISyntaxException {
		Path classes = Path.of(LeaksAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> packages;
		try (Stream<Path> files = Files.walk(classes)) {
			packages = files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classes.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), "."))
				.collect(Collectors.toSet());
		}
		assertThat(packages).isNotEmpty().allSatisfy((name) -> assertThat(ApplicationFrames.STARTER_PACKAGES)
			.anyMatch((prefix) -> (name + ".").startsWith(prefix)));
	}

}
