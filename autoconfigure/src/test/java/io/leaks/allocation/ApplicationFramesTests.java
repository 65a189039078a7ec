package io.leaks.allocation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationFramesTests {

	private final ApplicationFrames frames = new ApplicationFrames(List.of("com.example.common"),
			(name) -> name.startsWith("io.leaks.actuate.") || name.startsWith("io.leaks.allocation."));

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

	@Test
	void starterFramesShouldBeToldByTheJarTheirClassCameFrom() {
		ApplicationFrames rule = new ApplicationFrames(List.of());
		assertThat(rule.isApplication(new Frame("io.leaks.allocation.AllocationTally", "add", 1))).isFalse();
		assertThat(rule.isApplication(new Frame("io.leaks.histogram.HistogramParser", "parse", 1))).isFalse();
		assertThat(rule.isApplication(new Frame("io.leaks.allocation.AllocationRecordings$Entry", "view", 1)))
			.isFalse();
		assertThat(rule.isApplication(new Frame("io.leaks.allocation.AllocationRecordings$$Lambda$77/0x00000008", "run", -1)))
			.isFalse();
		// Same base package, another jar: these tests are the application here, as the demo app is.
		assertThat(rule.isApplication(new Frame(ApplicationFramesTests.class.getName(), "run", 1))).isTrue();
		assertThat(rule.isApplication(new Frame("io.leaks.demo.listeners.ListenersPattern", "runLeaking", 33)))
			.isTrue();
	}

}
