package io.leaks.demo.closures;

/**
 * A file a user uploaded, content and all.
 *
 * @param name the file name
 * @param content the bytes
 */
public record UploadedDocument(String name, byte[] content) {

	/** Size of an upload: a few KiB, so 1,000 uploads cost a few MiB. */
	static final int CONTENT_BYTES = 4096;

}
