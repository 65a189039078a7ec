package io.leaks.allocation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClassNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "[B|byte[]", "byte[]|byte[]", "[[I|int[][]", "[Ljava.lang.String;|java.lang.String[]",
			"[[Ljava.lang.Object;|java.lang.Object[][]", "java.lang.String|java.lang.String",
			"' com.example.OrderListener '|com.example.OrderListener",
			"com.example.Bus$$Lambda$1295+0x00007fb4c0515bb8.1593259602|com.example.Bus$$Lambda$1295",
			"com.example.Bus$$Lambda$1295/0x00007fb4c0515bb8|com.example.Bus$$Lambda$1295",
			"com.example.Bus$$Lambda.0x000000002152f6f0|com.example.Bus$$Lambda",
			"com.example.Bus$$Lambda/0x000000002152f6f0|com.example.Bus$$Lambda" })
	void canonicalShouldSpellHistogramAndJfrNamesAlike(String name, String canonical) {
		assertThat(ClassNames.canonical(name)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "byte[]", "[B", "[Ljava.lang.String;", "com.example.Outer$Inner",
			"com.example.Bus$$Lambda$12/0x0000000800c4a000", "é.Ünïcode" })
	void problemShouldAcceptClassNames(String name) {
		assertThat(ClassNames.problem(name)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "com.example.Foo; rm -rf", "../../etc/passwd", "a\nb", "<script>" })
	void problemShouldRefuseWhatIsNoClassName(String name) {
		assertThat(ClassNames.problem(name)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { ClassNames.MAX_LENGTH + 1, 10_000 })
	void problemShouldRefuseOverlongNames(int length) {
		assertThat(ClassNames.problem("a".repeat(length))).contains("at most " + ClassNames.MAX_LENGTH);
	}

}
