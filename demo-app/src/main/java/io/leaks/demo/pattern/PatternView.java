package io.leaks.demo.pattern;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A pattern as {@code GET /demo/patterns} lists it.
 *
 * @param id the id used in URLs
 * @param title a few words
 * @param leakingClass the class a histogram diff names when the leaking variant runs
 * @param leak what leaks
 * @param fix what the fixed variant does differently
 * @param variants what each variant retains now
 */
public record PatternView(String id, String title, String leakingClass, String leak, String fix,
		List<VariantView> variants) {

	static PatternView of(LeakPattern pattern) {
		PatternInfo info = pattern.info();
		List<VariantView> variants = List.of(
				new VariantView(Variant.LEAKING.id(), pattern.retained(Variant.LEAKING), null),
				new VariantView(Variant.FIXED.id(), pattern.retained(Variant.FIXED), info.fixedBound()));
		return new PatternView(info.id(), info.title(), info.leakingClass().getName(), info.leak(), info.fix(),
				variants);
	}

	/**
	 * One variant of a pattern.
	 *
	 * @param variant {@code leaking} or {@code fixed}
	 * @param retained instances of the leaking class it keeps reachable now
	 * @param bound the most it ever keeps, {@code null} when unbounded
	 */
	public record VariantView(String variant, long retained, @Nullable Integer bound) {

	}

}
