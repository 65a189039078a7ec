package io.leaks.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;

/**
 * A heap dump file served for download. Opens the file without following links, so a
 * link swapped in after the name was checked is refused by the operating system rather
 * than served.
 */
final class HeapDumpResource extends AbstractResource {

	private final Path file;

	HeapDumpResource(Path file) {
		this.file = file;
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return Files.newInputStream(this.file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
	}

	@Override
	public ReadableByteChannel readableChannel() throws IOException {
		return Files.newByteChannel(this.file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
	}

	@Override
	public boolean exists() {
		return Files.isRegularFile(this.file, LinkOption.NOFOLLOW_LINKS);
	}

	@Override
	public long contentLength() throws IOException {
		return Files.size(this.file);
	}

	@Override
	public String getFilename() {
		return this.file.getFileName().toString();
	}

	@Override
	public String getDescription() {
		return "heap dump " + this.file.getFileName();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof HeapDumpResource resource) && this.file.equals(resource.file);
	}

	@Override
	public int hashCode() {
		return this.file.hashCode();
	}

}
