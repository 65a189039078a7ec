package io.leaks.histogram;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdkClassesTests {

	@ParameterizedTest
	@CsvSource({ "[B,", "[[I,", "java.lang.String,", "java.util.HashMap$Node,", "[Ljava.lang.Object;,",
			"jdk.internal.ref.CleanerImpl,", "sun.nio.ch.FileChannelImpl,", "com.sun.proxy.$Proxy1,",
			"some.Shaded,jdk.internal.vm.ci@17" })
	void isJdkShouldRecogniseJdkClasses(String className, String module) {
		assertThat(JdkClasses.isJdk(className, module)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "com.example.OrderListener", "[Lcom.example.OrderListener;", "org.springframework.Foo",
			"javaxx.Lookalike", "javax.inject.Provider", "javax.cache.Cache" })
	void isJdkShouldNotMarkApplicationClasses(String className) {
		assertThat(JdkClasses.isJdk(className, null)).isFalse();
	}

	@Test
	void displayNameShouldSpellArraysAsJavaSourceDoes() {
		assertThat(JdkClasses.displayName("[B")).isEqualTo("byte[]");
		assertThat(JdkClasses.displayName("[[J")).isEqualTo("long[][]");
		assertThat(JdkClasses.displayName("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
		assertThat(JdkClasses.displayName("com.example.Foo")).isEqualTo("com.example.Foo");
		assertThat(JdkClasses.displayName("[Q")).isEqualTo("[Q");
		assertThat(JdkClasses.displayName("com.example.Api$$Lambda$42/0x0000000800c0b000"))
			.isEqualTo("com.example.Api$$Lambda$42");
	}

}
