package io.leaks.gc;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Changes manageable VM flags at runtime, one flag or a whole preset at a time. Values at
 * start-up are captured when this is created, so {@code defaults} can restore them. A
 * preset is applied all or nothing: if the JVM refuses one value, the ones already written
 * are put back. Every change is logged and published as a {@link GcTuningChangedEvent}.
 */
public final class GcTuning {

	private static final Log logger = LogFactory.getLog(GcTuning.class);

	private static final String HEAP_DUMP_ON_OOME = "HeapDumpOnOutOfMemoryError";

	private final VmFlagAccess flags;

	private final Consumer<GcTuningChangedEvent> events;

	private final Clock clock;

	private final FlagRules rules;

	private final Map<String, VmFlag> startup = new LinkedHashMap<>();

	public GcTuning(VmFlagAccess flags, Consumer<GcTuningChangedEvent> events, Clock clock) {
		this.flags = flags;
		this.events = events;
		this.clock = clock;
		Collector collector = Collector.detect((name) -> flags.find(name).map(VmFlag::value));
		this.rules = new FlagRules(collector, sizeFlag("MinHeapSize", 0), sizeFlag("MaxHeapSize", Long.MAX_VALUE / 2));
		if (flags.isAvailable()) {
			for (VmFlag flag : flags.manageable()) {
				this.startup.put(flag.name(), flag);
			}
		}
	}

	public boolean isAvailable() {
		return this.flags.isAvailable();
	}

	public FlagRules rules() {
		return this.rules;
	}

	/**
	 * Every manageable flag now, with its start-up value and whether it does anything
	 * under the running collector, and what each preset would set on this JVM.
	 * @return the state
	 */
	public State state() {
		requireAvailable();
		Collector collector = this.rules.collector();
		List<FlagState> states = new ArrayList<>();
		for (VmFlag flag : this.flags.manageable()) {
			FlagRule rule = this.rules.ruleFor(flag);
			VmFlag initial = this.startup.get(flag.name());
			String startupValue = (initial != null) ? initial.value() : null;
			states.add(new FlagState(flag.name(), flag.value(), startupValue,
					startupValue != null && !rule.sameValue(startupValue, flag.value()), flag.origin(),
					rule.type().name().toLowerCase(Locale.ROOT), rule.range(), rule.purpose(),
					rule.isChangeable(), rule.refusal(), rule.effectiveUnder(collector), rule.effectUnder(collector)));
		}
		List<PresetPreview> presets = new ArrayList<>();
		for (GcPreset preset : GcPreset.values()) {
			Selection selection = select(preset);
			presets.add(new PresetPreview(preset.id(), preset.description(), selection.targets(), selection.skipped()));
		}
		return new State(collector.displayName(), states, presets);
	}

	/**
	 * Changes one flag.
	 * @param name the flag's name
	 * @param value the new value
	 * @return what changed
	 * @throws TuningException if the flag cannot or may not change, the value is wrong or
	 * the JVM refuses it
	 */
	public synchronized Applied set(String name, String value) {
		requireAvailable();
		Optional<VmFlag> flag = this.flags.find(name);
		if (flag.isEmpty()) {
			// Experimental collectors (Epsilon) have no visible flag until unlocked at
			// start-up; asking for one is still a request to switch collectors.
			if (Collector.selectedBy(name).isPresent()) {
				throw new TuningException(TuningException.Reason.NOT_CHANGEABLE, this.rules.notManageable(name, value));
			}
			throw new TuningException(TuningException.Reason.INVALID, FlagRules.unknown(name));
		}
		if (!flag.get().writeable()) {
			throw new TuningException(TuningException.Reason.NOT_CHANGEABLE, this.rules.notManageable(name, value));
		}
		FlagRule rule = this.rules.ruleFor(flag.get());
		if (!rule.isChangeable()) {
			throw new TuningException(TuningException.Reason.NOT_CHANGEABLE,
					"leaks does not change " + name + " at runtime: " + rule.refusal());
		}
		String normalized = rule.normalize(value);
		Map<String, String> targets = Map.of(name, normalized);
		List<String> warnings = new ArrayList<>();
		if (Boolean.FALSE.equals(rule.effectiveUnder(this.rules.collector()))) {
			warnings.add(name + ": " + rule.effectUnder(this.rules.collector()));
		}
		if (HEAP_DUMP_ON_OOME.equals(name) && "true".equals(normalized) && !"true".equals(flag.get().value())) {
			warnings.add(oomeDumpTarget());
		}
		return apply("flag " + name, targets, List.of(), warnings);
	}

	/**
	 * Applies a preset, all or nothing.
	 * @param name {@code aggressive}, {@code relaxed} or {@code defaults}
	 * @return what changed and which flags were skipped
	 * @throws TuningException if there is no such preset or the JVM refuses a value (then
	 * nothing stays changed)
	 */
	public synchronized Applied applyPreset(String name) {
		requireAvailable();
		GcPreset preset = GcPreset.of(name)
			.orElseThrow(() -> new TuningException(TuningException.Reason.INVALID, "No preset named '" + name
					+ "'. Presets: aggressive (give memory back sooner), relaxed (headroom for throughput), defaults "
					+ "(restore the start-up values)"));
		Selection selection = select(preset);
		return apply("preset " + preset.id(), selection.targets(), selection.skipped(), List.of());
	}

	/**
	 * Says where the JVM will write the dump that {@code HeapDumpOnOutOfMemoryError} makes
	 * it take by itself, outside leaks' free-space check and retention. Without
	 * {@code HeapDumpPath} that would be the working directory, so turning it on is then
	 * refused, as it is when the path's directory does not exist.
	 * @return a warning naming the file
	 * @throws TuningException if the dump would go to the working directory or nowhere
	 */
	private String oomeDumpTarget() {
		String path = this.flags.find("HeapDumpPath").map(VmFlag::value).orElse("");
		String ext = "0".equals(this.flags.find("HeapDumpGzipLevel").map(VmFlag::value).orElse("0")) ? ".hprof"
				: ".hprof.gz";
		String defaultName = "java_pid" + ProcessHandle.current().pid() + ext;
		if (path.isBlank()) {
			throw new TuningException(TuningException.Reason.NOT_CHANGEABLE, "leaks does not turn "
					+ HEAP_DUMP_ON_OOME + " on while HeapDumpPath is empty: on the first OutOfMemoryError the JVM "
					+ "would write a whole-heap dump, " + defaultName + ", into its working directory ("
					+ System.getProperty("user.dir") + "), with no free-space check and no retention. Restart with "
					+ "-XX:HeapDumpPath=<dir> (a directory on a disk with room for the whole heap), then turn it on, "
					+ "or start with -XX:+" + HEAP_DUMP_ON_OOME + " -XX:HeapDumpPath=<dir>");
		}
		Path target;
		try {
			Path configured = Path.of(System.getProperty("user.dir")).resolve(path).normalize();
			target = Files.isDirectory(configured) ? configured.resolve(defaultName) : configured;
		}
		catch (InvalidPathException ex) {
			throw new TuningException(TuningException.Reason.NOT_CHANGEABLE, "leaks does not turn " + HEAP_DUMP_ON_OOME
					+ " on: HeapDumpPath (" + path + ") is not a usable path. Restart with -XX:HeapDumpPath=<dir>");
		}
		Path parent = target.getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new TuningException(TuningException.Reason.NOT_CHANGEABLE, "leaks does not turn "
					+ HEAP_DUMP_ON_OOME + " on: HeapDumpPath is " + path + ", but " + parent + " does not exist, so "
					+ "the JVM could not write the dump. Create the directory, or restart with "
					+ "-XX:HeapDumpPath=<dir> naming an existing directory");
		}
		return HEAP_DUMP_ON_OOME + ": on the first OutOfMemoryError the JVM will write a whole-heap dump (up to "
				+ "-Xmx) to " + target + " by itself, with no free-space check and no retention (leaks.heap-dump.* "
				+ "does not apply); make sure that disk has room and delete the file when done";
	}

	private Selection select(GcPreset preset) {
		Map<String, String> startupValues = new LinkedHashMap<>();
		this.startup.forEach((name, flag) -> {
			if (this.rules.rule(name).map(FlagRule::isChangeable).orElse(false)) {
				startupValues.put(name, flag.value());
			}
		});
		Map<String, String> targets = new LinkedHashMap<>();
		List<Skipped> skipped = new ArrayList<>();
		preset.targets(this.rules, startupValues).forEach((name, value) -> {
			Optional<FlagRule> rule = this.rules.rule(name);
			if (rule.isEmpty() || !this.startup.containsKey(name)) {
				skipped.add(new Skipped(name, "This JVM has no manageable flag " + name));
			}
			else if (preset != GcPreset.DEFAULTS
					&& !Boolean.TRUE.equals(rule.get().effectiveUnder(this.rules.collector()))) {
				skipped.add(new Skipped(name, rule.get().effectUnder(this.rules.collector())));
			}
			else {
				targets.put(name, (preset != GcPreset.DEFAULTS) ? rule.get().normalize(value) : value);
			}
		});
		return new Selection(targets, skipped);
	}

	private Applied apply(String trigger, Map<String, String> targets, List<Skipped> skipped, List<String> warnings) {
		Map<String, String> current = currentValues();
		List<FlagChange> plan = TuningPlan.of(current, targets, this.rules);
		List<FlagChange> applied = new ArrayList<>();
		for (FlagChange change : plan) {
			try {
				this.flags.set(change.flag(), change.after());
				applied.add(change);
			}
			catch (VmFlagAccess.FlagRejectedException ex) {
				throw new TuningException(TuningException.Reason.REJECTED, "The JVM refused " + change.flag() + "="
						+ change.after() + " (" + ex.getMessage() + "). " + rollBack(applied, trigger));
			}
		}
		for (FlagChange change : applied) {
			logger.info("Changed VM flag " + change.flag() + " from " + change.before() + " to " + change.after() + " ("
					+ trigger + ")");
		}
		if (!applied.isEmpty()) {
			this.events.accept(new GcTuningChangedEvent(trigger, List.copyOf(applied), this.clock.instant()));
		}
		String message = applied.isEmpty() ? "Nothing to change: every flag already had the requested value"
				: "Changed " + applied.size() + " flag" + ((applied.size() == 1) ? "" : "s");
		return new Applied(trigger, List.copyOf(applied), List.copyOf(skipped), List.copyOf(warnings), message);
	}

	private String rollBack(List<FlagChange> applied, String trigger) {
		if (applied.isEmpty()) {
			return "Nothing was changed";
		}
		List<String> restored = new ArrayList<>();
		List<String> stuck = new ArrayList<>();
		for (int i = applied.size() - 1; i >= 0; i--) {
			FlagChange change = applied.get(i);
			try {
				this.flags.set(change.flag(), change.before());
				restored.add(change.flag() + "=" + change.before());
			}
			catch (VmFlagAccess.FlagRejectedException ex) {
				stuck.add(change.flag() + "=" + change.after());
				logger.error("Could not restore VM flag " + change.flag() + " to " + change.before() + " after a failed "
						+ trigger + ": " + ex.getMessage());
			}
		}
		if (stuck.isEmpty()) {
			return "Nothing stays changed: rolled back " + String.join(", ", restored);
		}
		return "Rolled back " + String.join(", ", restored) + ", but could not restore " + String.join(", ", stuck)
				+ "; GET /actuator/leaks/tuning shows the current values";
	}

	private Map<String, String> currentValues() {
		Map<String, String> values = new LinkedHashMap<>();
		for (VmFlag flag : this.flags.manageable()) {
			values.put(flag.name(), flag.value());
		}
		return values;
	}

	private void requireAvailable() {
		if (!this.flags.isAvailable()) {
			throw new TuningException(TuningException.Reason.UNAVAILABLE,
					"This JVM (" + System.getProperty("java.vm.name") + ") does not let its VM flags be read or "
							+ "changed at runtime (no HotSpotDiagnostic MBean); set them with start-up options");
		}
	}

	private long sizeFlag(String name, long fallback) {
		return this.flags.find(name).map(VmFlag::value).map((value) -> {
			try {
				return Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				return fallback;
			}
		}).orElse(fallback);
	}

	private record Selection(Map<String, String> targets, List<Skipped> skipped) {

	}

	/**
	 * Manageable flags and presets.
	 *
	 * @param collector the running collector
	 * @param flags every manageable flag
	 * @param presets what each preset would set on this JVM
	 */
	public record State(String collector, List<FlagState> flags, List<PresetPreview> presets) {

	}

	/**
	 * One manageable flag.
	 *
	 * @param name the flag's name
	 * @param value its value now
	 * @param startupValue its value when the application started
	 * @param changed whether it differs from the start-up value
	 * @param origin where the current value came from ({@code MANAGEMENT} once changed at
	 * runtime)
	 * @param type {@code boolean}, {@code integer}, {@code decimal}, {@code size} or
	 * {@code text}
	 * @param range the accepted values
	 * @param purpose what it does
	 * @param changeable whether leaks lets a request change it
	 * @param refusal why leaks does not change it, if it does not
	 * @param effective whether it does anything under the running collector ({@code null}
	 * if the collector is unknown)
	 * @param effect that, in a sentence
	 */
	public record FlagState(String name, String value, @Nullable String startupValue, boolean changed, String origin,
			String type, String range, String purpose, boolean changeable, @Nullable String refusal,
			@Nullable Boolean effective, String effect) {

	}

	/**
	 * What a preset would set on this JVM.
	 *
	 * @param name the preset's name
	 * @param description what it is for
	 * @param values the flag values it would set
	 * @param skipped flags it leaves alone here, and why
	 */
	public record PresetPreview(String name, String description, Map<String, String> values, List<Skipped> skipped) {

	}

	/**
	 * A flag a preset leaves alone here.
	 *
	 * @param flag the flag's name
	 * @param reason why
	 */
	public record Skipped(String flag, String reason) {

	}

	/**
	 * What a change did.
	 *
	 * @param trigger {@code flag <name>} or {@code preset <name>}
	 * @param changes each flag changed, with its value before and after, in the order
	 * applied
	 * @param skipped flags a preset left alone because the running collector ignores them
	 * @param warnings anything else to know, such as a flag that was changed but does
	 * nothing under the running collector
	 * @param message a sentence for humans
	 */
	public record Applied(String trigger, List<FlagChange> changes, List<Skipped> skipped, List<String> warnings,
			String message) {

	}

}
