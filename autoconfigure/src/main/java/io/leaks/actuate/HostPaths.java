package io.leaks.actuate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes the host's directories out of a message for a caller that may not learn where
 * files are on the host (read-only access): each is replaced by the property that sets
 * it, so the message still says where to look.
 */
final class HostPaths {

	private HostPaths() {
	}

	/**
	 * The message with the directories replaced.
	 * @param message the message
	 * @param directories each directory and the property that sets it
	 * @return the message without the directories' paths
	 */
	static String hide(String message, Map<Path, String> directories) {
		// Longest first, so a real path is not left half replaced by a shorter one it starts with.
		Map<String, String> replacements = new TreeMap<>(
				Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
		directories.forEach((directory, property) -> {
			replacements.putIfAbsent(directory.toString(), property);
			replacements.putIfAbsent(directory.toAbsolutePath().toString(), property);
			try {
				replacements.putIfAbsent(directory.toRealPath().toString(), property);
			}
			catch (IOException | RuntimeException ex) {
				// Missing or unreadable: the message can only name the paths above.
			}
		});
		String hidden = message;
		for (Map.Entry<String, String> replacement : replacements.entrySet()) {
			hidden = hidden.replace(replacement.getKey(), replacement.getValue());
		}
		return hidden;
	}

}
