package io.leaks.demo.closures;

/**
 * A file a user uploaded, content and all.
 *
 * @param name the file name
 * @param content the bytes
 */
public record UploadedDocument(String name, byte[] content) {

	/** Size of an upload: a few KB, so 1,000 uploads cost a few MB. */
	static final int CONTENT_BYTES = 4096;

}
