package io.leaks.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A heap dump file served for download. The file is opened when the download is checked,
 * without following links (a link swapped in after the name was checked is refused by the
 * operating system rather than served): a dump deleted before that answers 404, and one
 * deleted after it (by retention, or a {@code DELETE}) is still served whole from the open
 * file. Every stream reads at its own position, so the regions of a {@code Range} request
 * can be read one after the other. The file is closed when the request completes.
 */
final class HeapDumpResource extends AbstractResource {

	private final Path file;

	private final FileChannel channel;

	HeapDumpResource(Path file) {
		this.file = file;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			throw LeaksOperationException.notFound("Heap dump '" + file.getFileName() + "' was deleted meanwhile; GET "
					+ "/actuator/leaks/heapdumps lists the dumps there are");
		}
		catch (IOException ex) {
			throw LeaksOperationException.unavailable("Heap dump '" + file.getFileName() + "' cannot be read ("
					+ ex.getClass().getSimpleName() + ")");
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.registerDestructionCallback(HeapDumpResource.class.getName() + "@" + System.identityHashCode(this),
					this::close, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public InputStream getInputStream() throws IOException {
		return new PositionalInputStream(this.channel);
	}

	@Override
	public ReadableByteChannel readableChannel() throws IOException {
		return Channels.newChannel(getInputStream());
	}

	@Override
	public boolean exists() {
		return this.channel.isOpen();
	}

	@Override
	public long contentLength() throws IOException {
		return this.channel.size();
	}

	@Override
	public String getFilename() {
		return this.file.getFileName().toString();
	}

	@Override
	public String getDescription() {
		return "heap dump " + this.file.getFileName();
	}

	void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// Closing a file opened for reading loses nothing.
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof HeapDumpResource resource) && this.file.equals(resource.file);
	}

	@Override
	public int hashCode() {
		return this.file.hashCode();
	}

	/**
	 * Reads the file from its start with positional reads, which leave the channel's own
	 * position alone, so that any number of streams can read it one after the other.
	 * Closing the stream leaves the file open for the next.
	 */
	private static final class PositionalInputStream extends InputStream {

		private final FileChannel channel;

		private long position;

		PositionalInputStream(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == 1) ? (one[0] & 0xff) : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			int read = this.channel.read(ByteBuffer.wrap(bytes, offset, length), this.position);
			if (read > 0) {
				this.position += read;
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = Math.max(0, Math.min(n, this.channel.size() - this.position));
			this.position += skipped;
			return skipped;
		}

		@Override
		public int available() throws IOException {
			return (int) Math.min(Integer.MAX_VALUE, Math.max(0, this.channel.size() - this.position));
		}

	}

}
