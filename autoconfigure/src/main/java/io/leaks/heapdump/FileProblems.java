package io.leaks.heapdump;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words: the file system exceptions of NIO carry only a
 * path as their message.
 */
final class FileProblems {

	private FileProblems() {
	}

	/**
	 * Says in words what went wrong.
	 * @param ex the exception
	 * @return a phrase such as {@code permission denied for /srv/dumps}
	 */
	static String describe(IOException ex) {
		if (ex instanceof FileSystemException failed && failed.getFile() != null) {
			String file = failed.getFile();
			if (failed instanceof AccessDeniedException) {
				return "permission denied for " + file;
			}
			if (failed instanceof NoSuchFileException) {
				return file + " does not exist";
			}
			if (failed instanceof NotDirectoryException) {
				return file + " is not a directory";
			}
			if (failed instanceof FileAlreadyExistsException) {
				return file + " already exists and is not a directory";
			}
			return (failed.getReason() != null) ? failed.getReason() + " (" + file + ")"
					: failed.getClass().getSimpleName() + " for " + file;
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * Whether a failure means the disk is full (or the user's quota is used up), in the
	 * words the operating system uses, which is all the JVM passes on.
	 * @param ex the exception
	 * @return whether it reports no space left
	 */
	static boolean isOutOfSpace(IOException ex) {
		String message = describe(ex);
		return message.contains("No space left on device") || message.contains("Disk quota exceeded");
	}

	/**
	 * Whether a failure means the file system is mounted read-only.
	 * @param ex the exception
	 * @return whether it reports a read-only file system
	 */
	static boolean isReadOnly(IOException ex) {
		return describe(ex).contains("Read-only file system");
	}

}
