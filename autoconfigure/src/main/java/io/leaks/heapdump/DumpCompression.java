package io.leaks.heapdump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip of a dump still under its temporary name, at the fastest level: compressing runs on
 * a request thread of the host, and a dump shrinks well even at level 1.
 */
final class DumpCompression {

	private final PendingDumps pending;

	DumpCompression(PendingDumps pending) {
		this.pending = pending;
	}

	/**
	 * Compresses a dump being written into an owner-only temporary {@code .hprof.gz}
	 * beside it and removes the original. If compression fails, the partial {@code .gz} is
	 * removed and the original stays.
	 * @param hprof the uncompressed dump
	 * @return the compressed dump, still under its temporary name
	 * @throws IOException if compression failed
	 */
	PendingDumps.Pending compress(PendingDumps.Pending hprof) throws IOException {
		PendingDumps.Pending gz = this.pending.sibling(HeapDumpNames.compressedName(hprof.name()));
		try {
			Files.createFile(gz.file(), DumpDirectory.ownerOnly(gz.file(), DumpDirectory.OWNER_ONLY_FILE));
			try (InputStream in = Files.newInputStream(hprof.file(), LinkOption.NOFOLLOW_LINKS);
					OutputStream out = new FastGzipOutputStream(Files.newOutputStream(gz.file(), StandardOpenOption.WRITE,
							StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
				in.transferTo(out);
			}
			DumpDirectory.restrictToOwner(gz.file());
		}
		catch (IOException | RuntimeException ex) {
			// A file that was already there is someone else's.
			if (!(ex instanceof FileAlreadyExistsException)) {
				PendingDumps.deleteQuietly(gz.file());
			}
			throw ex;
		}
		Files.delete(hprof.file());
		return gz;
	}

	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 1 << 16);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

}
