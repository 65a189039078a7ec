package io.leaks.gc;

import java.util.List;
import java.util.Optional;

/**
 * Reads and writes VM flags of the running JVM. The only JVM-specific piece of runtime
 * tuning; everything else (rules, order, presets) is plain logic.
 */
public interface VmFlagAccess {

	/**
	 * Whether this JVM lets flags be read and written at runtime.
	 * @return whether the other methods can work
	 */
	boolean isAvailable();

	/**
	 * The flags this JVM can change while running.
	 * @return the manageable flags with their current values
	 */
	List<VmFlag> manageable();

	/**
	 * Reads any flag, manageable or not.
	 * @param name the flag's name
	 * @return the flag, or empty if this JVM has no such flag
	 */
	Optional<VmFlag> find(String name);

	/**
	 * Writes a manageable flag.
	 * @param name the flag's name
	 * @param value the new value, in the JVM's notation
	 * @throws FlagRejectedException if the JVM refuses the value
	 */
	void set(String name, String value);

	/**
	 * The JVM refused a flag value.
	 */
	class FlagRejectedException extends RuntimeException {

		public FlagRejectedException(String message) {
			super(message);
		}

	}

}
