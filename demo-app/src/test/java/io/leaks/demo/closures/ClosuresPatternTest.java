package io.leaks.demo.closures;

import io.leaks.demo.pattern.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClosuresPatternTest {

	private final ClosuresPattern closures = new ClosuresPattern();

	@Test
	void fixedLambdaShouldDescribeTheUploadAsTheLeakingOneDoes() {
		this.closures.run(Variant.LEAKING, 1);
		this.closures.run(Variant.FIXED, 1);
		assertThat(this.closures.describe(1)).isEqualTo("scan-1.pdf (4096 bytes)");
		assertThat(this.closures.describe(2)).isEqualTo("scan-2.pdf (4096 bytes)");
	}

}
